"""[3/6] in the browser: editor submits → head approves in the workflow inbox → webmaster publishes →
the public sees it; and the reject path back to the editor with the reason."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import enter_two_factor, screenshot

PASSWORD = "hod-demo-2569"


def login(browser, live_site, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    pg = context.new_page()
    pg.goto(live_site + "/admin/login/")
    pg.fill("#id_username", username)
    pg.fill("#id_password", PASSWORD)
    pg.click("button[type=submit]")
    enter_two_factor(pg, username)
    pg.wait_for_url(re.compile(r"/admin/$"))
    return pg


def page_id_of(pg, live_site, path):
    """The admin id of a public page, found by its title with the admin's search."""
    pg.goto(live_site + path)
    title = pg.locator("h1").inner_text().strip()
    return edit_id_by_title(pg, live_site, title)


def edit_id_by_title(pg, live_site, words):
    pg.goto(live_site + "/admin/pages/search/?q=" + words)
    return int(re.search(r"/admin/pages/(\d+)/edit/", pg.content()).group(1))


def workflow_button(pg, action):
    """Open the editor footer's menu and press the workflow action ``approve`` or ``reject``."""
    pg.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']").first.click()
    pg.locator(f"button[data-workflow-action-name='{action}']").first.click()


def submit_edit(pg, live_site, path, new_intro):
    page_id = page_id_of(pg, live_site, path)
    pg.goto(f"{live_site}/admin/pages/{page_id}/edit/")
    pg.fill("#id_intro", new_intro)
    pg.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']").first.click()
    pg.locator("button[name='action-submit']").click()
    pg.wait_for_load_state()
    return page_id


def test_submit_approve_publish_and_the_public_sees_it(browser, live_site):
    intro = "ขอเชิญชวนประชาชนร่วมบริจาคโลหิต วันที่ 15 ธันวาคม ณ หอประชุมโรงพยาบาลฮอด (ทดสอบกระบวนการ)"
    editor = login(browser, live_site, "editor")
    # The editor edits a live news item and submits it.
    editor.goto(live_site + "/news/")
    href = editor.locator("main a[href^='/news/']").first.get_attribute("href")
    page_id = submit_edit(editor, live_site, href, intro)
    screenshot(editor, "journey-1-submitted")
    assert editor.locator(".messages").inner_text()  # a confirmation message, in Thai
    editor.context.close()

    head = login(browser, live_site, "head")
    assert head.get_by_text("รอการตรวจสอบของคุณ").count() == 1
    screenshot(head, "journey-2-head-inbox")
    head.goto(f"{live_site}/admin/pages/{page_id}/edit/")
    workflow_button(head, "approve")
    head.wait_for_load_state()
    screenshot(head, "journey-3-head-approved")
    head.context.close()

    # Not public yet: the head's approval alone publishes nothing.
    public = browser.new_page()
    public.goto(live_site + href)
    assert intro not in public.locator("main").inner_text()

    webmaster = login(browser, live_site, "webmaster")
    webmaster.goto(f"{live_site}/admin/pages/{page_id}/edit/")
    workflow_button(webmaster, "approve")
    webmaster.wait_for_load_state()
    screenshot(webmaster, "journey-4-published")
    webmaster.context.close()

    public.goto(live_site + href)
    assert intro in public.locator("main").inner_text()
    public.close()


def test_request_changes_needs_a_reason_and_reaches_the_editor(browser, live_site):
    head = login(browser, live_site, "head")
    head.goto(f"{live_site}/admin/pages/{edit_id_by_title(head, live_site, 'รอหัวหน้าตรวจสอบ')}/edit/")
    workflow_button(head, "reject")
    dialog = head.locator(".modal, [role=dialog]").last
    dialog.locator("textarea").wait_for()
    dialog.locator("button[type=submit]").click()  # no reason
    expect(dialog).to_contain_text("กรุณาระบุเหตุผล")  # waits for the form to come back with its error
    screenshot(head, "journey-5-reason-required")
    dialog.locator("textarea").fill("กรุณาแนบไฟล์ประกาศที่ลงนามแล้ว และระบุสถานที่ให้ชัดเจน")
    dialog.locator("button[type=submit]").click()
    head.wait_for_load_state("networkidle")
    head.context.close()

    editor = login(browser, live_site, "editor")
    text = editor.locator("main").inner_text()
    assert "กรุณาแนบไฟล์ประกาศที่ลงนามแล้ว" in text or "ขอให้แก้ไข" in text
    screenshot(editor, "journey-6-editor-sees-changes-requested")
    editor.context.close()
