"""Thai slugs keep their vowels and tone marks; addresses print as Thai letters (issue #14, item 3)."""

from django import forms
from django.core.exceptions import ValidationError
from django.test import override_settings

import pytest

from home.mail import absolute_url
from home.models import StandardPage
from home.slugs import readable_url, slugify
from tests.conftest import add_page

TITLE = "ข่าวเปิดคลินิก"


def test_slugify_keeps_thai_vowels_and_tone_marks():
    assert slugify("ข่าวเปิดคลินิก ผู้สูงอายุ!", allow_unicode=True) == "ข่าวเปิดคลินิก-ผู้สูงอายุ"
    assert slugify("  ประกาศ -- ผล  ", allow_unicode=True) == "ประกาศ-ผล"
    assert slugify("Café Ünïcode", allow_unicode=False) == "cafe-unicode"


def test_a_typed_thai_slug_is_accepted_and_a_broken_one_refused():
    field = forms.SlugField(allow_unicode=True)
    assert field.clean("ข่าวเปิดคลินิก-2569") == "ข่าวเปิดคลินิก-2569"
    with pytest.raises(ValidationError):
        field.clean("ข่าว เปิด")
    with pytest.raises(ValidationError):
        field.clean("ข่าว/เปิด")


def test_a_page_saved_without_a_slug_gets_the_whole_title(home_page):
    page = StandardPage(title=TITLE)
    home_page.add_child(instance=page)
    assert page.slug == TITLE
    page.full_clean()  # the model's own validator accepts it too


def test_the_page_editor_keeps_a_thai_slug(home_page, client, superuser):
    form_class = StandardPage.get_edit_handler().get_form_class()
    assert form_class.base_fields["slug"].clean("ข่าวเปิดคลินิก") == "ข่าวเปิดคลินิก"
    page = add_page(home_page, StandardPage, title="ประกาศ", slug="ประกาศ")
    client.force_login(superuser)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "/static/js/admin-slug.js" in html  # the browser keeps the marks while a title is typed


def test_a_page_with_a_thai_slug_is_served_and_linked(home_page, client):
    section = add_page(home_page, StandardPage, title="ข่าว", slug="ข่าว")
    page = add_page(section, StandardPage, title=TITLE, slug=TITLE)
    page.save_revision().publish()
    section.save_revision().publish()
    assert readable_url(page.url) == "/ข่าว/ข่าวเปิดคลินิก/"
    response = client.get("/ข่าว/ข่าวเปิดคลินิก/")
    assert response.status_code == 200 and TITLE in response.content.decode()


@pytest.mark.django_db  # absolute_url reads the default site's address (a local host name falls back to the setting)
@override_settings(WAGTAILADMIN_BASE_URL="https://www.hodhospital.go.th")
def test_addresses_in_mail_pdfs_and_exports_read_as_thai():
    encoded = "/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/?q=a%20b"
    assert absolute_url(encoded) == "https://www.hodhospital.go.th/ข่าว/?q=a%20b"
    assert readable_url("https://x.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/") == "https://x.go.th/ข่าว/"
    assert readable_url("") == ""


def test_slugify_keeps_sara_am_as_one_letter():
    # NFKC (Django's choice) splits ำ into ํ + า: the same look, another address nobody could type.
    slug = slugify("ทำเนียบผู้บริหาร", allow_unicode=True)
    assert slug == "ทำเนียบผู้บริหาร"
    assert "\u0e33" in slug and "\u0e4d" not in slug
