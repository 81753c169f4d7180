"""[4/6] ITA half in the browser: the director opens the ITA/MOIT dashboard from the admin home, sees the
demo hospital's real gaps, switches fiscal year and downloads the list for MITAS; a webmaster follows a fix
link (the director approves but edits nothing, so no fix link is offered to him); the public ITA page shows
the statuses and its own export."""

import io
import re
from pathlib import Path

from playwright.sync_api import expect

from home import thai_dates
from tests.browser.conftest import SCREENSHOTS, enter_two_factor, screenshot

PASSWORD = "hod-demo-2569"
GAP = re.compile("เลยกำหนด|ยังไม่มี|ใกล้ครบกำหนด")  # what the current year's gaps show, depending on the day


def login(browser, live_site, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH", accept_downloads=True)
    pg = context.new_page()
    pg.goto(live_site + "/admin/login/")
    pg.fill("#id_username", username)
    pg.fill("#id_password", PASSWORD)
    pg.click("button[type=submit]")
    enter_two_factor(pg, username)
    pg.wait_for_url(re.compile(r"/admin/$"))
    return pg


def test_director_reviews_the_gaps_and_downloads_the_mitas_list(browser, live_site):
    from openpyxl import load_workbook

    fy = thai_dates.current_fiscal_year()
    pg = login(browser, live_site, "director")
    panel = pg.locator("section[aria-labelledby='ita-panel-heading']")
    expect(panel).to_contain_text(f"ITA/MOIT ปีงบประมาณ พ.ศ. {fy}")
    expect(panel).to_contain_text(GAP)
    screenshot(pg, "ita-0-admin-home-panel")
    panel.get_by_role("link", name="เปิดแดชบอร์ด ITA/MOIT").click()
    pg.wait_for_url(re.compile(r"/admin/ita/$"))
    expect(pg.locator("h1")).to_contain_text("แดชบอร์ด ITA/MOIT")
    # The demo's real gaps: nothing answers MOIT 3 (last year's procurement analysis) yet. The OIA index has
    # an entry for every section of s.7 and s.9. MOIT 5 is answered month by month by the monthly แบบ สขร.1 pages.
    expect(pg.locator("#moit-3 .ita-slots").first).to_contain_text(GAP)
    expect(pg.locator("#moit-5 .ita-slots .ita-status--complete").first).to_have_text("ครบถ้วน")
    expect(pg.locator("#check-oia")).to_contain_text("มีข้อมูลครบทุกอนุมาตรา")
    expect(pg.locator("#check-oia")).not_to_contain_text("ไม่ผ่าน")
    expect(pg.locator("#check-contact")).to_contain_text("ผ่าน")
    expect(pg.locator("#moit-1")).to_contain_text("ครบถ้วน")
    expect(pg.locator(".ita-fix")).to_have_count(0)  # the director may not edit pages
    screenshot(pg, "ita-1-dashboard-current-year")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pg.locator("#moit-2").screenshot(path=str(SCREENSHOTS / "ita-1b-dashboard-moit-2.png"))
    pg.locator("#moit-5").screenshot(path=str(SCREENSHOTS / "ita-1c-dashboard-moit-5.png"))

    # Switch to the previous fiscal year: its own titles (MOIT 20 of FY2569 is Anti-Corruption Day).
    pg.select_option("#ita-fy", str(fy - 1))
    pg.get_by_role("button", name="แสดง", exact=True).click()
    pg.wait_for_url(re.compile(rf"fy={fy - 1}"))
    expect(pg.locator("#ita-fy")).to_have_value(str(fy - 1))
    expect(pg.locator("#moit-20")).to_contain_text("วันต่อต้านคอรัปชั่นสากล")
    expect(pg.locator("#moit-1")).to_contain_text("ครบถ้วน")
    expect(pg.locator("#moit-4 .ita-status--overdue").first).to_be_visible()  # a year over: gaps are overdue
    expect(pg.locator("#moit-5 .ita-status--overdue")).to_have_count(0)
    screenshot(pg, "ita-2-dashboard-previous-year")

    with pg.expect_download() as info:
        pg.get_by_role("link", name="ดาวน์โหลดสำหรับกรอกในระบบ MITAS (XLSX)").click()
    download = info.value
    assert download.suggested_filename == f"ita-{fy - 1}.xlsx"
    sheet = load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    body = [r for r in rows if r and str(r[0]).startswith("MOIT ")]
    assert {r[0] for r in body} == {f"MOIT {n}" for n in range(1, 23)}
    urls = [r[6] for r in body if r[6]]
    assert urls and all(url.startswith(live_site + "/") for url in urls)
    assert any(r[7] == "เลยกำหนด" for r in body) and any(r[7] == "ครบถ้วน" for r in body)
    pg.context.close()


def test_a_webmaster_follows_a_fix_link_and_the_public_sees_the_statuses(browser, live_site):
    pg = login(browser, live_site, "webmaster")
    pg.goto(live_site + "/admin/ita/")
    fix = pg.locator("#check-oia").get_by_role("link", name="แก้ไขศูนย์ข้อมูลข่าวสาร")
    expect(fix).to_be_visible()
    fix.click()
    pg.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(pg.locator("#id_title")).to_have_value(re.compile("ศูนย์ข้อมูลข่าวสาร"))
    screenshot(pg, "ita-3-fix-link-information-centre")
    pg.goto(live_site + "/admin/ita/")
    add_links = pg.locator("#moit-3 .ita-fix a")
    expect(add_links.first).to_be_visible()
    pg.context.close()

    fy = thai_dates.current_fiscal_year()
    public = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH", accept_downloads=True)
    pub = public.new_page()
    pub.goto(f"{live_site}/transparency/ita/ita-{fy}/")
    expect(pub.locator("#moit-1 .ita-state").first).to_contain_text("ครบถ้วน")
    expect(pub.locator("#moit-3")).to_contain_text(GAP)
    expect(pub.locator("main")).not_to_contain_text("ไม่มีแบบฟอร์ม")  # staff-only details stay in the admin
    screenshot(pub, "ita-4-public-year-page")
    with pub.expect_download() as info:
        pub.get_by_role("link", name="CSV", exact=True).click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert text.startswith("MOIT,") and f"{live_site}/" in text
    public.close()
