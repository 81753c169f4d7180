"""The public site: home, standard pages, contact, navigation, sitemap, robots and error pages."""

from django.test import override_settings

from wagtail.models import Site

import pytest

from home.models import ContactPage, SitemapPage, StandardPage
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


def test_home_page_is_thai_and_shows_the_hospital_name(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="th">' in html
    assert "โรงพยาบาลฮอด" in html
    assert 'href="#main"' in html  # skip link
    assert 'id="main"' in html


def test_contact_block_in_footer_has_all_five_moit_items(client, home_page):
    html = client.get("/").content.decode()
    for text in (
        "169 หมู่ 1",
        "053-461-037",
        "053-461-038",
        "saraban@hodhospital.go.th",
        "openstreetmap.org/?mlat=18.194900",
    ):
        assert text in html


def test_contact_settings_completeness(home_page):
    from home.models import ContactSettings

    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    assert contact.is_complete
    contact.fax = ""
    assert not contact.is_complete


def test_menu_lists_sections_and_their_children(client, home_page):
    about = add_page(home_page, title="เกี่ยวกับโรงพยาบาล", slug="about", show_in_menus=True)
    add_page(about, title="ประวัติความเป็นมา", slug="history", show_in_menus=True)
    add_page(home_page, title="หน้าซ่อน", slug="hidden", show_in_menus=False)
    add_page(about, title="ฉบับร่างที่ยังไม่เผยแพร่", slug="draft", show_in_menus=True, publish=False)
    html = client.get("/").content.decode()
    assert 'href="/about/"' in html and "ประวัติความเป็นมา" in html
    assert "หน้าซ่อน" not in html
    assert "ฉบับร่างที่ยังไม่เผยแพร่" not in html


def test_menu_costs_a_constant_number_of_queries(client, home_page, django_assert_max_num_queries):
    for i in range(8):
        section = add_page(home_page, title=f"หมวด {i}", slug=f"section-{i}", show_in_menus=True)
        for j in range(5):
            add_page(section, title=f"หน้า {i}-{j}", slug=f"page-{j}", show_in_menus=True)
    client.get("/")  # warm caches (site root, settings)
    with django_assert_max_num_queries(20):
        assert client.get("/").status_code == 200


def test_standard_page_renders_body_blocks_breadcrumbs_and_children(client, section):
    page = add_page(
        section,
        title="ประวัติความเป็นมา",
        slug="history",
        intro="จากสถานีอนามัยสู่โรงพยาบาลชุมชน",
        body=[
            {"type": "heading", "value": {"text": "ยุคเริ่มต้น", "level": "h2"}},
            {"type": "paragraph", "value": "<p>เริ่มจากสถานีอนามัยชั้นหนึ่ง</p>"},
            {
                "type": "table",
                "value": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "data": [["ปี", "เหตุการณ์"], ["2520", "เปิดบริการ"]],
                },
            },
        ],
    )
    html = client.get(page.url).content.decode()
    assert '<h1 class="page-title">ประวัติความเป็นมา</h1>' in html
    assert "ยุคเริ่มต้น" in html and "เริ่มจากสถานีอนามัยชั้นหนึ่ง" in html
    assert '<th scope="col">เหตุการณ์</th>' in html
    assert 'aria-label="เส้นทางนำทาง"' in html or 'class="breadcrumbs"' in html
    assert 'href="/about/"' in html
    section_html = client.get(section.url).content.decode()
    assert 'href="/about/history/"' in section_html  # the section lists its child


def test_published_date_is_shown_in_buddhist_era(client, section):
    html = client.get(section.url).content.decode()
    year_ce = section.first_published_at.year
    assert str(year_ce + 543) in html.split('class="page-dates"')[1]


def test_contact_page_shows_the_contact_block_and_map_link(client, home_page):
    add_page(home_page, ContactPage, title="ติดต่อเรา", slug="contact", intro="ติดต่อโรงพยาบาล")
    html = client.get("/contact/").content.decode()
    assert html.count("053-461-038") >= 2  # page and footer
    assert "openstreetmap.org" in html


def test_sitemap_page_lists_live_public_pages(client, section):
    add_page(section, title="ประวัติ", slug="history")
    add_page(section, title="ร่างลับ", slug="secret", publish=False)
    add_page(section.get_parent().specific, SitemapPage, title="ผังเว็บไซต์", slug="sitemap")
    html = client.get("/sitemap/").content.decode()
    assert 'href="/about/history/"' in html and "ร่างลับ" not in html


def test_footer_links_show_only_set_and_live_pages(client, home_page, footer):
    privacy = add_page(home_page, title="ประกาศความเป็นส่วนตัว", slug="privacy")
    policy = add_page(home_page, title="นโยบายเว็บไซต์", slug="website-policy", publish=False)
    footer.privacy_page = privacy
    footer.website_policy_page = policy
    footer.save()
    html = client.get("/").content.decode()
    footer_html = html.split('class="site-footer"')[1]
    assert 'href="/privacy/"' in footer_html
    assert 'href="/website-policy/"' not in footer_html


def test_sitemap_xml_lists_pages(client, section):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"/about/" in response.content


def test_robots_txt_blocks_admin_and_points_to_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://testserver/sitemap.xml" in body


def test_friendly_404_in_thai(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="th">' in html and 'role="search"' in html


def test_static_500_page_needs_no_database(rf):
    from home.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "ขออภัย ระบบขัดข้องชั่วคราว" in response.content.decode()


@override_settings(DEBUG=False)
def test_security_headers_on_public_pages(client, home_page):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_unpublished_page_is_not_public(client, section):
    draft = add_page(section, StandardPage, title="ร่าง", slug="draft", publish=False)
    assert client.get("/about/draft/").status_code == 404
    assert draft.live is False
