"""A visitor rates the website: the statistics page with its charts, a forgotten answer explained next
to the question (the comment kept), the thanks page with the results chart, and the footer counter."""

import re

from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import enter_two_factor, screenshot

RATE_LINK = "ประเมินความพึงพอใจต่อเว็บไซต์และบริการ"


def assert_accessible(pg):
    results = Axe().run(
        pg, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.response["violations"] == [], results.generate_report()


def test_a_visitor_rates_the_site_and_sees_the_results(page, live_site):
    page.goto(live_site + "/services/statistics/")
    assert page.locator("h1").inner_text() == "สถิติและความพึงพอใจ"
    assert page.locator(".bar-chart__row").count() >= 5  # the website's five levels, then the services
    assert page.locator("svg.stats-chart__svg rect.stats-chart__bar--views").count() == 12
    assert page.get_by_role("table").first.is_visible()
    assert_accessible(page)
    screenshot(page, "survey-statistics-page")

    page.get_by_role("link", name=RATE_LINK).click()
    page.wait_for_url("**/services/statistics/rate/")
    page.get_by_label("ความคิดเห็นหรือข้อเสนอแนะ (ไม่บังคับ)").fill("ค้นหาตารางแพทย์ได้ง่าย ขอบคุณครับ")
    page.get_by_role("button", name="ส่งแบบประเมิน").click()
    error = page.locator("#id_website_score-group .form-field__error")
    error.wait_for()
    assert "กรุณาเลือกระดับความพึงพอใจต่อเว็บไซต์" in error.inner_text()
    assert page.get_by_role("alert").is_visible()
    comment = page.get_by_label("ความคิดเห็นหรือข้อเสนอแนะ (ไม่บังคับ)")
    assert comment.input_value() == "ค้นหาตารางแพทย์ได้ง่าย ขอบคุณครับ"  # nothing typed is lost
    assert_accessible(page)
    screenshot(page, "survey-form-error")

    website = page.get_by_role("group", name=re.compile("พึงพอใจต่อเว็บไซต์นี้โดยรวม"))
    website.get_by_label("พึงพอใจมากที่สุด").check()
    opd = page.get_by_role("group", name="บริการผู้ป่วยนอก (ตรวจรักษาทั่วไป)")
    opd.get_by_label("พึงพอใจมาก", exact=False).first.check()
    page.get_by_role("button", name="ส่งแบบประเมิน").click()
    page.wait_for_url("**/services/statistics/thanks/")
    assert page.locator("h1").inner_text() == "ขอบคุณที่ร่วมประเมินความพึงพอใจ"
    assert page.locator(".bar-chart__row").count() >= 5
    screenshot(page, "survey-thanks")

    counter = page.locator(".visit-counter")
    for name in ("today", "month", "total"):
        text = counter.locator(f'[data-counter="{name}"]').inner_text()
        assert re.fullmatch(r"[\d,]+", text), (name, text)
    assert int(counter.locator('[data-counter="total"]').inner_text().replace(",", "")) > 1000

    page.goto(live_site + "/services/statistics/rate/")  # the same visitor, the same day
    assert "วันนี้คุณได้ประเมินความพึงพอใจต่อเว็บไซต์แล้ว" in page.locator("main").inner_text()


def test_the_survey_form_on_a_phone(browser, live_site):
    """Another visitor (another browser), on a phone."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="th-TH", is_mobile=True, has_touch=True,
        user_agent="Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
    )  # fmt: skip
    phone = context.new_page()
    phone.goto(live_site + "/services/statistics/rate/")
    assert phone.get_by_role("button", name="ส่งแบบประเมิน").is_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # no sideways scrolling
    screenshot(phone, "survey-form-phone")
    context.close()


def test_the_webmaster_reads_the_reports_and_the_editor_is_refused(browser, live_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    admin = context.new_page()
    admin.goto(live_site + "/admin/login/")
    admin.fill("#id_username", "webmaster")
    admin.fill("#id_password", "hod-demo-2569")
    admin.click("button[type=submit]")
    enter_two_factor(admin, "webmaster")
    admin.wait_for_url(re.compile(r"/admin/$"))
    admin.goto(live_site + "/admin/eservices/visits/")
    assert admin.locator("h1").first.inner_text().strip() == "สถิติผู้เข้าชมเว็บไซต์"
    assert admin.locator("svg.stats-chart__svg").count() == 2
    screenshot(admin, "survey-admin-visits")
    admin.goto(live_site + "/admin/eservices/survey/")
    assert admin.locator(".bar-chart__row").count() >= 5
    assert admin.locator("table.listing tbody tr").count() >= 1  # the round's comments, for staff only
    screenshot(admin, "survey-admin-results")
    context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    editor = context.new_page()
    editor.goto(live_site + "/admin/login/")
    editor.fill("#id_username", "editor")
    editor.fill("#id_password", "hod-demo-2569")
    editor.click("button[type=submit]")
    enter_two_factor(editor, "editor")
    editor.wait_for_url(re.compile(r"/admin/$"))
    editor.goto(live_site + "/admin/eservices/survey/")
    assert "/admin/eservices/survey/" not in editor.url or editor.locator(".bar-chart__row").count() == 0
    context.close()
