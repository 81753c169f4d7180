"""Complaint journey: a citizen files a complaint and gets a code, tracks it; a complaint-centre officer
acknowledges it in the admin; the citizen sees the new status. Also the form keeps what was typed."""

from playwright.sync_api import expect

from tests.browser.conftest import enter_two_factor, screenshot

PASSWORD = "hod-demo-2569"
FORM = "/services/e-services/complaint/"
TRACKING = "/services/e-services/complaint-status/"


def track(pg, live_site, code):
    pg.goto(live_site + TRACKING)
    pg.fill("#id_code", code.lower())
    pg.get_by_role("button", name="ตรวจสอบสถานะ").click()
    return pg.locator("#complaint-status")


def test_file_track_acknowledge_and_see_the_new_status(browser, live_site):
    citizen = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH", is_mobile=True).new_page()
    citizen.goto(live_site + FORM)
    expect(citizen.locator("h1")).to_have_text("ร้องเรียน / แจ้งเบาะแสการทุจริต")
    citizen.get_by_label("การให้บริการหรือพฤติกรรมของเจ้าหน้าที่").check()
    citizen.fill("#id_subject", "รอรับยานานเกินสองชั่วโมง")
    citizen.fill("#id_details", "วันจันทร์ที่ผ่านมารอรับยาที่ห้องยาตั้งแต่สิบโมงจนถึงเที่ยงครึ่ง ไม่มีการแจ้งคิว")
    citizen.fill("#id_name", "นางสาวสายใจ ทดสอบ")
    citizen.fill("#id_phone", "081-111-2222")
    # forgot the privacy acknowledgement: the form comes back with the message next to the box, text kept
    citizen.get_by_role("button", name="ส่งเรื่องร้องเรียน").click()
    expect(citizen.locator("#id_privacy_ack_error")).to_contain_text("ประกาศความเป็นส่วนตัว")
    expect(citizen.locator("#id_subject")).to_have_value("รอรับยานานเกินสองชั่วโมง")
    expect(citizen.locator("#id_privacy_ack")).to_have_attribute("aria-invalid", "true")
    screenshot(citizen, "complaint-form-error")
    citizen.locator("#id_privacy_ack").check()
    citizen.get_by_role("button", name="ส่งเรื่องร้องเรียน").click()
    expect(citizen.locator("h1")).to_have_text("โรงพยาบาลได้รับเรื่องร้องเรียนของท่านแล้ว")
    code = citizen.locator("#tracking-code").inner_text().strip()
    assert len(code) == 14 and code.count("-") == 2
    screenshot(citizen, "complaint-code")
    # the button on the confirmation page looks it up at once
    citizen.get_by_role("button", name="ติดตามสถานะเรื่องตอนนี้").click()
    expect(citizen.locator("#complaint-status")).to_have_text("รับเรื่อง")

    officer = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    officer.goto(live_site + "/admin/login/")
    officer.fill("#id_username", "complaints")
    officer.fill("#id_password", PASSWORD)
    officer.click("button[type=submit]")
    enter_two_factor(officer, "complaints")
    officer.goto(f"{live_site}/admin/eservices/complaint/?q={code}")
    officer.get_by_role("link", name=code).first.click()
    expect(officer.locator("body")).to_contain_text("รอรับยานานเกินสองชั่วโมง")
    officer.select_option("#id_status", "acknowledged")
    officer.fill("#id_note", "โทรแจ้งผู้ร้องเรียนว่ารับเรื่องแล้ว ส่งเรื่องให้กลุ่มงานเภสัชกรรม")
    officer.locator("footer button[type=submit]").first.click()
    expect(officer.locator(".messages")).to_contain_text(code)
    officer.goto(f"{live_site}/admin/eservices/complaint/?q={code}")
    officer.get_by_role("link", name=code).first.click()
    expect(officer.locator(".complaint-history")).to_contain_text("ตอบรับเรื่องแล้ว")
    screenshot(officer, "complaint-admin-case")

    public = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    expect(track(public, live_site, code)).to_have_text("ตอบรับเรื่องแล้ว")
    expect(public.locator(".tracking-result")).not_to_contain_text("รอรับยานาน")
    screenshot(public, "complaint-tracking")


def test_statistics_and_feedback_pages_render(page, live_site):
    page.goto(live_site + "/services/e-services/complaint-statistics/?round=12")
    expect(page.locator("#by-status")).to_be_visible()
    screenshot(page, "complaint-statistics")
    page.goto(live_site + "/services/e-services/feedback/")
    expect(page.locator(".qa__item").first).to_be_visible()
    screenshot(page, "feedback-qa")
