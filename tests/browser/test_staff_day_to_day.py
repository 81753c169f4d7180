"""Staff day-to-day (#14): the desktop menu on one row at 1366 × 768, and admin dates in the Buddhist Era."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import enter_two_factor, screenshot

PASSWORD = "hod-demo-2569"


def test_the_desktop_menu_keeps_every_item_on_one_row_at_1366(browser, live_site):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="th-TH")
    pg = context.new_page()
    pg.goto(live_site + "/")
    items = pg.locator(".main-nav__item")
    expect(items.last).to_contain_text("ติดต่อเรา")
    boxes = [items.nth(i).bounding_box() for i in range(items.count())]
    assert len(boxes) >= 9
    tops = {round(box["y"]) for box in boxes}
    assert max(tops) - min(tops) <= 2, tops  # one row: "ติดต่อเรา" is not alone on a second one
    nav = pg.locator(".main-nav .container").bounding_box()
    assert boxes[-1]["x"] + boxes[-1]["width"] <= nav["x"] + nav["width"] + 1  # and nothing overflows
    screenshot(pg, "menu-1366")
    context.close()


def _log_in(browser, live_site, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    pg = context.new_page()
    pg.goto(live_site + "/admin/login/")
    assert "Wagtail" not in pg.title() and pg.title().endswith("โรงพยาบาลฮอด")
    pg.locator("#id_username").fill(username)
    pg.locator("#id_password").fill(PASSWORD)
    pg.locator("form button[type='submit']").click()
    enter_two_factor(pg, username)
    return context, pg


def test_admin_dates_are_shown_and_read_in_the_buddhist_era(browser, live_site):
    context, pg = _log_in(browser, live_site, "editor")
    pg.goto(live_site + "/admin/pages/search/?q=" + "วัคซีนไข้หวัดใหญ่")
    pg.locator("a[href*='/edit/']", has_text="วัคซีน").first.click()
    pg.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    assert "Wagtail" not in pg.title()
    period_start = pg.locator("#id_period_start")
    shown = period_start.input_value()
    assert re.fullmatch(r"\d{2}/\d{2}/25\d\d", shown), shown  # พ.ศ., not ค.ศ.
    day, month, be_year = shown.split("/")
    # A Christian-Era year typed by habit: refused, in Thai, naming the field; the rest of the work stays.
    period_start.fill(f"{day}/{month}/{int(be_year) - 543}")
    pg.locator("footer button.action-save").click()
    error = pg.locator(".error-message", has_text="ค.ศ.").first
    expect(error).to_be_visible()
    expect(error).to_contain_text(be_year)
    expect(pg.locator("#id_period_start")).to_have_value(f"{day}/{month}/{int(be_year) - 543}")
    screenshot(pg, "admin-date-christian-era-refused")
    pg.locator("#id_period_start").fill(shown)
    pg.locator("footer button.action-save").click()
    expect(pg.locator(".messages .success").first).to_be_visible()
    expect(pg.locator("#id_period_start")).to_have_value(shown)
    context.close()


def test_report_date_filters_are_read_and_shown_in_the_buddhist_era(browser, live_site):
    # No StreamField of the site has a date block, so the report filters are the Wagtail-built dates to see.
    context, pg = _log_in(browser, live_site, "webmaster")
    pg.goto(live_site + "/admin/reports/site-history/?timestamp_from=01/10/2568&timestamp_to=30/09/2569")
    expect(pg.locator("input[name='timestamp_from']")).to_have_value("01/10/2568")
    expect(pg.locator("input[name='timestamp_from']")).to_have_attribute("class", re.compile("hod-be-date"))
    expect(pg.locator(".w-active-filters")).to_contain_text("1 ตุลาคม 2568 - 30 กันยายน 2569")
    screenshot(pg, "report-filter-buddhist-era")
    # A Christian-Era year: the Thai message naming the filter, not a silent filter on the year 2025 B.E.
    pg.goto(live_site + "/admin/reports/site-history/?timestamp_from=01/10/2025")
    assert "น่าจะเป็นปี ค.ศ." in pg.content()
    context.close()
