"""[4/6] Staff day to day, in the browser (issue #14, items 1, 2, 3, 7): the editor sees why an item was sent
back (dashboard panel and edit-screen banner), prints the draft request form of a submitted item, opens the
documents listing to upload, and a Thai slug keeps its vowels and tone marks."""

import re

import pypdf
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_publishing_journey import login

REASON = "กรุณาระบุวันและเวลาที่ปิดปรับปรุงให้ชัดเจน"  # the demo's request for changes (demo/data/publishing.toml)
SENT_BACK = "ประกาศปิดปรับปรุงห้องฉุกเฉินชั่วคราว"
SUBMITTED = "ประชาสัมพันธ์การรับบริจาคโลหิต ประจำเดือนธันวาคม (รอหัวหน้าตรวจสอบ)"  # awaiting the head


def test_the_editor_sees_the_reason_prints_a_draft_and_keeps_thai_slugs(browser, live_site):
    editor = login(browser, live_site, "editor")

    # The dashboard's "ต้องแก้ไข" panel: the item, the reason, who and when.
    panel = editor.locator("section[aria-labelledby='changes-requested-heading']")
    expect(panel).to_contain_text("ต้องแก้ไข")
    expect(panel).to_contain_text(REASON)
    expect(panel).to_contain_text("ขอให้แก้ไขโดย")
    screenshot(editor, "staff-1-dashboard-needs-changes")
    panel.get_by_role("link", name=re.compile(SENT_BACK)).click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(editor.locator(".messages")).to_contain_text(REASON)
    screenshot(editor, "staff-2-edit-banner")

    # A submitted item, found in the explorer's search: the draft request form from its row's menu.
    editor.goto(live_site + "/admin/pages/search/?q=" + SUBMITTED)
    row = editor.locator("tr", has_text=SUBMITTED).first
    expect(row).to_be_visible()
    page_id = re.search(r"/admin/pages/(\d+)/edit/", row.inner_html()).group(1)
    row.get_by_role("button", name=re.compile("ตัวเลือกเพิ่มเติม|More")).first.click()
    form_link = row.get_by_role("link", name="แบบฟอร์มการขอเผยแพร่ข้อมูล ฉบับร่าง (PDF)")
    expect(form_link).to_be_visible()
    screenshot(editor, "staff-3-draft-form-menu")
    with editor.expect_download() as info:
        form_link.click()
    download = info.value
    assert download.suggested_filename.startswith(f"request-form-{page_id}-draft-")
    with open(download.path(), "rb") as handle:
        text = "".join(p.extract_text() for p in pypdf.PdfReader(handle).pages)
    assert "ฉบับร่าง" in text

    editor.goto(f"{live_site}/admin/pages/{page_id}/edit/")
    # The slug keeps Thai vowels and tone marks when typed (Wagtail's slug controller, admin-slug.js).
    editor.get_by_role("tab", name="การโปรโมต").click()
    slug = editor.locator("#id_slug")
    slug.fill("ข่าวเปิดคลินิก ผู้สูงอายุ")
    slug.blur()
    expect(slug).to_have_value("ข่าวเปิดคลินิก-ผู้สูงอายุ")
    screenshot(editor, "staff-4-thai-slug")

    # Documents: the listing and the upload form open for an information provider.
    editor.goto(live_site + "/admin/documents/")
    assert editor.url.endswith("/admin/documents/")
    editor.goto(live_site + "/admin/documents/multiple/add/")
    expect(editor.locator("input[type=file]").first).to_be_attached()
    screenshot(editor, "staff-5-documents-upload")
    editor.context.close()
