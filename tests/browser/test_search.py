"""Searching in Thai as a visitor does: the header box on any page, results with their type, date
and section, a filter by section, a document found by the text inside it, and no accessibility errors."""

import re

from tests.browser.conftest import screenshot
from tests.browser.test_public_site import assert_no_axe_violations


def test_a_thai_word_typed_in_the_header_box_finds_the_page_inside_a_longer_title(page, live_site):
    page.goto(live_site + "/about/history/")
    box = page.get_by_role("search").get_by_label("ค้นหาในเว็บไซต์")
    box.fill("หน่วยงาน")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert page.locator("h1").inner_text() == "ค้นหาในเว็บไซต์"
    assert page.title().startswith("ค้นหา: หน่วยงาน")
    first = page.locator(".search-result").first
    assert first.locator(".search-result__title").inner_text() == "โครงสร้างหน่วยงาน"
    assert first.locator(".search-result__type").inner_text().endswith("ข้อมูลหน่วยงาน")  # its page type
    assert first.locator(".search-result__section").inner_text().endswith("เกี่ยวกับโรงพยาบาล")
    assert re.search(r"\d{1,2} \S+ 25\d\d", first.locator(".search-result__date").inner_text())  # พ.ศ.
    assert first.locator("mark").first.inner_text() == "หน่วยงาน"
    screenshot(page, "search-results")


def test_filter_the_results_by_section(page, live_site):
    page.goto(live_site + "/search/?q=" + "ร้องเรียน")
    total = page.locator(".search-result").count()
    section = page.get_by_label("หมวด", exact=True)
    option = section.locator("option").nth(1)  # the first section after "ทุกหมวด"
    label = option.inner_text().rsplit(" (", 1)[0]
    section.select_option(label=option.inner_text())
    page.get_by_role("button", name="แสดง", exact=True).click()
    page.wait_for_url(re.compile(r"section=\d+"))
    sections = page.locator(".search-result__section").all_inner_texts()
    assert sections and all(text.endswith(label) for text in sections)
    assert page.locator(".search-result").count() <= total
    assert page.get_by_role("link", name="ล้างตัวกรอง").count() == 1
    screenshot(page, "search-filtered")


def test_a_word_inside_a_word_document_finds_the_document(page, live_site):
    page.goto(live_site + "/search/?q=" + "สำเนาที่มีคำรับรองถูกต้อง")
    result = page.locator(".search-result--document").first
    assert result.locator(".search-result__title").inner_text() == "แบบคำขอตรวจดูหรือขอสำเนาข้อมูลข่าวสารของราชการ"
    assert "เอกสาร · DOCX ·" in result.locator(".search-result__type").inner_text()
    assert result.get_by_role("link", name="ติดต่อเรา").count() == 1  # the page it is attached to


def test_nothing_found_and_too_long_get_thai_help(page, live_site):
    page.goto(live_site + "/search/?q=" + "ยีราฟ")
    assert "ไม่พบรายการที่ตรงกับ" in page.locator(".search-empty__title").inner_text()
    assert page.locator(".search-help__sections a").count() >= 3
    page.goto(live_site + "/search/?q=" + "ก" * 300)
    error = page.locator("#search-q-error")
    assert "ยาวเกินไป" in error.inner_text()
    assert page.locator("#search-q").get_attribute("aria-invalid") == "true"
    screenshot(page, "search-too-long")


def test_search_page_has_no_accessibility_violations(page, live_site, phone):
    page.goto(live_site + "/search/?q=" + "จัดซื้อ")
    assert_no_axe_violations(page)
    phone.goto(live_site + "/search/?q=" + "วัคซีน")
    assert phone.locator(".search-result").count() >= 1
    screenshot(phone, "search-phone")
