"""What the public sees: the Thai home page, every category from the menu, contact, accessibility."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import screenshot

# The R1 categories and the menu item a visitor opens to reach each.
CATEGORIES = [
    ("เกี่ยวกับโรงพยาบาล", "ประวัติความเป็นมา"),
    ("เกี่ยวกับโรงพยาบาล", "ทำเนียบผู้บริหาร"),
    ("นโยบายและแผน", "นโยบายและยุทธศาสตร์"),
    ("นโยบายและแผน", "แผนปฏิบัติการประจำปี"),
    ("นโยบายและแผน", "แผนการใช้จ่ายงบประมาณ"),
    ("ข้อมูลข่าวสารและความโปร่งใส", "หลักเกณฑ์การจัดการเรื่องร้องเรียน"),
    ("ข้อมูลข่าวสารและความโปร่งใส", "รายงานผลการดำเนินการเรื่องร้องเรียน"),
    ("จัดซื้อจัดจ้าง", "สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1)"),
    ("บริการประชาชน", "บริการอิเล็กทรอนิกส์ (E-Service)"),
    ("ข้อมูลข่าวสารและความโปร่งใส", "กฎหมาย ระเบียบ ข้อบังคับ"),
    ("บริการประชาชน", "ลิงก์หน่วยงานที่เกี่ยวข้อง"),
    ("ข้อมูลข่าวสารและความโปร่งใส", "ศูนย์ข้อมูลข่าวสาร"),
    ("ข้อมูลข่าวสารและความโปร่งใส", "คู่มือมาตรฐานการปฏิบัติงาน"),
    ("บริการประชาชน", "คู่มือสำหรับประชาชน"),
    ("บริการประชาชน", "สถิติและความพึงพอใจ"),
]
TOP_LEVEL = ["ข่าวประชาสัมพันธ์", "คลังความรู้", "ติดต่อเรา"]


def assert_no_axe_violations(pg):
    results = Axe().run(
        pg, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    violations = results.response["violations"]
    assert violations == [], results.generate_report()


def test_home_page_in_thai_with_contact_block_no_gift_and_news(page, live_site):
    page.goto(live_site + "/")
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.title().startswith("โรงพยาบาลฮอด")
    footer = page.locator("footer")
    for label in ("ที่อยู่", "โทรศัพท์", "โทรสาร", "อีเมล", "แผนที่"):
        assert footer.get_by_text(label, exact=True).count() >= 1, label
    assert page.get_by_text("No Gift Policy").count() >= 1
    assert page.locator(".news-card").count() >= 3
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert font.startswith('"Sarabun"') or font.startswith("Sarabun")
    assert page.evaluate("document.fonts.check('16px Sarabun')")
    screenshot(page, "home-desktop")


def test_no_font_or_script_comes_from_another_host(page, live_site):
    hosts = set()
    page.on("request", lambda request: hosts.add(re.sub(r"^https?://([^/]+).*", r"\1", request.url)))
    page.goto(live_site + "/")
    page.wait_for_load_state("networkidle")
    assert hosts == {live_site.removeprefix("http://")}


@pytest.mark.parametrize(("menu", "item"), CATEGORIES)
def test_every_category_is_reachable_from_the_menu(page, live_site, menu, item):
    page.goto(live_site + "/")
    top = page.locator(".main-nav__item", has=page.get_by_role("link", name=menu, exact=True))
    top.get_by_role("button").click()
    top.locator(".main-nav__sub").get_by_role("link", name=item, exact=True).click()
    assert page.locator("h1").inner_text() == item
    assert page.locator(".breadcrumbs").get_by_role("link", name=menu).count() == 1


@pytest.mark.parametrize("item", TOP_LEVEL)
def test_top_level_sections_are_reachable(page, live_site, item):
    page.goto(live_site + "/")
    page.locator(".main-nav").get_by_role("link", name=item, exact=True).click()
    assert page.locator("h1").inner_text() == item


def test_phone_menu_opens_with_the_toggle(phone, live_site):
    phone.goto(live_site + "/")
    nav_contact = phone.locator(".main-nav").get_by_role("link", name="ติดต่อเรา", exact=True)
    assert not nav_contact.is_visible()
    toggle = phone.get_by_role("button", name=re.compile("เมนู"))
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav_contact.is_visible()
    screenshot(phone, "home-phone-menu")


def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_main(page, live_site):
    page.goto(live_site + "/about/history/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="ข้ามไปยังเนื้อหาหลัก")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["y"] >= 0  # moved into view when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/", "/about/history/", "/contact/"], ids=["home", "standard", "contact"])
def test_zero_axe_violations(page, live_site, path):
    page.goto(live_site + path)
    page.wait_for_load_state("networkidle")
    assert_no_axe_violations(page)
    screenshot(page, "axe" + path.replace("/", "_"))


def test_contact_page_shows_all_five_items_and_map(page, live_site):
    page.goto(live_site + "/contact/")
    main = page.locator("main")
    for text in ("169 หมู่ 1", "053-461-037", "053-461-038", "saraban@hodhospital.go.th"):
        assert main.get_by_text(text).count() >= 1, text
    assert main.locator("img.contact-map").count() == 1
    assert main.locator("a[href*='openstreetmap.org']").count() >= 1


def test_friendly_404(page, live_site):
    response = page.goto(live_site + "/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "ไม่พบหน้าที่คุณต้องการ" or "ไม่พบ" in page.locator("h1").inner_text()
    assert page.get_by_role("search").count() >= 1
    screenshot(page, "404")


def test_document_links_show_type_and_size(page, live_site):
    page.goto(live_site + "/")
    meta = page.locator(".no-gift .document-link__meta").inner_text()
    assert re.fullmatch(r"PDF · \d+(\.\d)? (KB|MB)", meta)
    with page.expect_download() as download:
        page.locator(".no-gift .document-link__a").click(modifiers=["Alt"])
    assert download.value.suggested_filename.endswith(".pdf")


def test_print_stylesheet_hides_navigation(page, live_site):
    page.goto(live_site + "/about/history/")
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert page.locator("h1").is_visible()
