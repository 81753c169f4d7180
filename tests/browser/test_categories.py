"""[2/6] as the public sees it: every category's listing, one item of each, its facts and files."""

import re

import pytest

from tests.browser.conftest import screenshot

# Listing pages of every R1 category and the facts the public must see on an item of each.
LISTINGS = [
    "/plans/policy-strategy/",
    "/plans/action-plan/",
    "/plans/budget/",
    "/transparency/complaint-procedures/",
    "/transparency/complaint-reports/",
    "/transparency/laws/",
    "/transparency/operations-manuals/",
    "/transparency/ita/",
    "/procurement/monthly-summary/",
    "/procurement/plan/",
    "/procurement/announcements/",
    "/procurement/analysis/",
    "/procurement/integrity/",
    "/services/citizen-guides/",
    "/knowledge/",
    "/news/",
]
SINGLE_PAGES = ["/about/history/", "/about/executives/", "/services/weblinks/", "/transparency/information-centre/"]
SIZE = re.compile(r"[A-Z]{2,4} · \d+(\.\d)? (B|KB|MB)")


@pytest.mark.parametrize("path", LISTINGS)
def test_listing_opens_an_item_with_its_facts_and_files(page, live_site, path):
    response = page.goto(live_site + path)
    assert response.status == 200
    items = page.locator("main a[href^='" + path + "']")
    assert items.count() >= 1, f"no items listed on {path}"
    items.first.click()
    page.wait_for_load_state()
    facts = page.locator(".facts-box")
    assert facts.count() == 1, page.url
    text = facts.inner_text()
    assert "เจ้าของข้อมูล" in text and "ช่วงเวลาของข้อมูล" in text and "เผยแพร่เมื่อ" in text, text
    assert re.search(r"25[6-7]\d", text)  # dates in the Buddhist Era
    for meta in page.locator(".document-link__meta").all_inner_texts():
        assert SIZE.fullmatch(meta.strip()), meta
    screenshot(page, "item" + path.replace("/", "_"))


@pytest.mark.parametrize("path", SINGLE_PAGES)
def test_single_pages_show_facts(page, live_site, path):
    response = page.goto(live_site + path)
    assert response.status == 200
    assert page.locator(".facts-box").count() == 1


def test_listing_filters_by_fiscal_year(page, live_site):
    page.goto(live_site + "/procurement/monthly-summary/")
    page.select_option("#filter-fy", "2569")
    with page.expect_navigation():
        page.locator("#filter-fy").evaluate("el => el.form.requestSubmit()")
    assert "fy=2569" in page.url
    assert "2569" in page.locator("main").inner_text()


def test_executives_show_photo_name_position_and_phone(page, live_site):
    page.goto(live_site + "/about/executives/")
    main = page.locator("main")
    assert main.locator("img[alt^='รูปถ่าย']").count() >= 5
    assert main.get_by_text("053-461-037").count() >= 1


def test_monthly_summary_downloads(page, live_site):
    page.goto(live_site + "/procurement/monthly-summary/")
    page.locator("main a[href^='/procurement/monthly-summary/']").first.click()
    with page.expect_download() as pdf:
        page.locator("a[href$='/pdf/']").first.click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    with page.expect_download() as xlsx:
        page.locator("a[href$='/xlsx/']").first.click()
    assert xlsx.value.suggested_filename.endswith(".xlsx")


def test_facts_box_reads_well_on_a_phone(phone, live_site):
    phone.goto(live_site + "/about/history/")
    dt_box = phone.locator(".facts-box dt").first.bounding_box()
    dd_box = phone.locator(".facts-box dd").first.bounding_box()
    assert dd_box["y"] > dt_box["y"]  # label above value on narrow screens
    assert dd_box["width"] > 250
    screenshot(phone, "facts-phone")
