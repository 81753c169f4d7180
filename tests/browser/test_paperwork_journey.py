"""[4/6] paperwork in the browser: the director prints the request form of a published item from the
page's admin screen, then the month's publication report as PDF and XLSX from the Reports menu."""

import datetime as dt
import io
import re

import openpyxl
import pypdf
from playwright.sync_api import expect

from home.thai_dates import thai_month
from tests.browser.conftest import enter_two_factor, screenshot

PASSWORD = "hod-demo-2569"
BANGKOK = dt.timezone(dt.timedelta(hours=7))


def readable(text):
    """pypdf's reading of WeasyPrint's Thai: SARA AM comes back as SARA AA; spaces and wrapping vary."""
    return "".join(text.replace("\u0e33", "\u0e32").replace("\u0e4d", "").split())


def pdf_text(path):
    with open(path, "rb") as handle:
        content = handle.read()
    assert content[:5] == b"%PDF-"
    reader = pypdf.PdfReader(io.BytesIO(content))
    return readable("".join(page.extract_text() for page in reader.pages))


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


def test_director_prints_a_request_form_and_the_monthly_report(browser, live_site):
    director = login(browser, live_site, "director")
    # A published news item, as the public sees it.
    director.goto(live_site + "/news/")
    link = director.locator("main a[href^='/news/']").first
    title = link.inner_text().strip()
    # Its admin screen: the explorer finds it (the director edits nothing, but sees every page).
    director.goto(live_site + "/admin/pages/search/?q=" + title)
    row = director.locator("tr", has_text=title).first
    expect(row).to_be_visible()
    row.get_by_role("button", name=re.compile("ตัวเลือกเพิ่มเติม|More")).first.click()
    form_link = row.get_by_role("link", name="แบบฟอร์มการขอเผยแพร่ข้อมูล (PDF)")
    expect(form_link).to_be_visible()
    screenshot(director, "paperwork-1-page-menu")
    with director.expect_download() as info:
        form_link.click()
    download = info.value
    assert download.suggested_filename.startswith("request-form-") and download.suggested_filename.endswith(".pdf")
    text = pdf_text(download.path())
    assert readable("แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน") in text
    assert readable(title) in text
    for block in ("ผู้รับผิดชอบการให้ข้อมูล", "ผู้อนุมัติรับรอง", "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่"):
        assert readable(block) in text
    assert readable("เจ้าหน้าที่ผู้ดูแลเว็บไซต์") in text
    assert re.search(r"25[6-9]\d\d{2}:\d{2}น\.", text)  # date-times in the Buddhist Era

    # The Reports menu → the publication report, for this month.
    director.goto(live_site + "/admin/")
    director.get_by_role("button", name="รายงาน").click()
    director.get_by_role("link", name="รายงานผลการเผยแพร่ข้อมูล").click()
    expect(director.locator("h1")).to_contain_text("รายงานผลการเผยแพร่ข้อมูล")
    today = dt.datetime.now(BANGKOK).date()
    monthly = director.locator("form", has=director.locator("#monthly-heading"))
    monthly.get_by_label("เดือน").select_option(str(today.month))
    monthly.get_by_label("ปี (พ.ศ.)").fill(str(today.year + 543))
    monthly.get_by_role("button", name="แสดงรายงาน").click()
    heading = director.locator("#report-heading")
    expect(heading).to_contain_text("แบบบันทึกรายงานผลการเผยแพร่ข้อมูลผ่านเว็บไซต์")
    expect(heading).to_contain_text(f"ประจำเดือน {thai_month(today.month)} {today.year + 543}")
    rows = director.locator("section[aria-labelledby='report-heading'] table.listing").nth(1).locator("tbody tr")
    assert rows.count() >= 3  # the demo published its items this month
    first_title = rows.first.locator("td").nth(2).inner_text().strip()
    screenshot(director, "paperwork-2-monthly-report")

    with director.expect_download() as info:
        director.get_by_role("link", name="ดาวน์โหลด PDF (สำหรับลงนาม)").click()
    pdf = info.value
    assert pdf.suggested_filename == f"publication-report-{today.year + 543}-{today.month:02d}.pdf"
    text = pdf_text(pdf.path())
    assert readable("แบบบันทึกรายงานผลการเผยแพร่ข้อมูลผ่านเว็บไซต์") in text
    assert readable(first_title) in text
    assert readable("ผู้อำนวยการโรงพยาบาลฮอด") in text and readable("ผู้รายงาน") in text

    with director.expect_download() as info:
        director.get_by_role("link", name="ดาวน์โหลดตารางคำนวณ (XLSX)").click()
    xlsx = info.value
    assert xlsx.suggested_filename.endswith(".xlsx")
    with open(xlsx.path(), "rb") as handle:
        sheet = openpyxl.load_workbook(io.BytesIO(handle.read())).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "แบบบันทึกรายงานผลการเผยแพร่ข้อมูลผ่านเว็บไซต์" in values and first_title in values
    director.context.close()


def test_a_bad_year_is_explained_next_to_its_field(browser, live_site):
    webmaster = login(browser, live_site, "webmaster")
    webmaster.goto(live_site + "/admin/publishing/report/?month=1&year=69")
    error = webmaster.locator("#id_year").locator("xpath=ancestor::*[contains(@class,'w-field__wrapper')]")
    expect(error).to_contain_text("กรุณากรอกปีเป็น พ.ศ. เช่น 2569")
    expect(webmaster.locator("#id_year")).to_have_attribute("aria-invalid", "true")
    screenshot(webmaster, "paperwork-3-bad-year")
    webmaster.context.close()
