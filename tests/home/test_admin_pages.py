"""Editors can create every home page type through the Wagtail admin, and the tree rules hold."""

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ContactPage, HomePage, SitemapPage, StandardPage


class HomePageTypesTests(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.home = HomePage.objects.get(depth=2)

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        assert {StandardPage, ContactPage, SitemapPage} <= set(HomePage.allowed_subpage_models())
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(ContactPage, set())
        self.assertAllowedSubpageTypes(SitemapPage, set())

    def test_editor_can_create_a_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "ประวัติความเป็นมา",
                    "slug": "history",
                    "intro": "ประวัติของโรงพยาบาลฮอด",
                    "body": streamfield([("paragraph", rich_text("<p>เริ่มจากสถานีอนามัย</p>"))]),
                    "list_children": True,
                }
            ),
        )

    def test_editor_can_create_contact_and_sitemap_pages(self):
        self.assertCanCreate(
            self.home,
            ContactPage,
            nested_form_data({"title": "ติดต่อเรา", "slug": "contact", "intro": "", "body": streamfield([])}),
        )
        self.assertCanCreate(
            self.home, SitemapPage, nested_form_data({"title": "ผังเว็บไซต์", "slug": "sitemap", "intro": ""})
        )

    def test_publishing_an_image_without_alt_text_is_refused(self):
        image = get_image_model().objects.create(
            title="ภาพอาคาร", description="ภาพอาคารโรงพยาบาล", file=get_test_image_file()
        )
        data = nested_form_data(
            {
                "title": "หน้าที่มีรูป",
                "slug": "with-image",
                "intro": "",
                "body": streamfield([("image", {"image": image.pk, "decorative": False, "alt_text": ""})]),
                "list_children": True,
                "action-publish": "publish",
            }
        )
        response = self.client.post(f"/admin/pages/add/home/standardpage/{self.home.pk}/", data)
        assert response.status_code == 200  # the form is shown again with the error, nothing published
        assert not StandardPage.objects.filter(slug="with-image", live=True).exists()
        self.assertContains(response, "alt")

    def test_image_upload_requires_alternative_text(self):
        response = self.client.post(
            "/admin/images/add/", {"title": "ภาพ", "file": get_test_image_file(), "description": "", "collection": 1}
        )
        assert response.status_code == 200
        assert not get_image_model().objects.filter(title="ภาพ").exists()
        form = response.context["form"]
        assert "description" in form.errors
