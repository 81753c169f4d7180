"""Content-Security-Policy in Chromium: public pages and the admin's page editor run without a single CSP
violation in the console (home/security/csp.py)."""

import re

from tests.browser.conftest import enter_two_factor

PASSWORD = "hod-demo-2569"


def collect_violations(pg):
    found = []
    pg.on(
        "console",
        lambda message: found.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return found


def test_public_pages_have_no_csp_violations(page, live_site):
    violations = collect_violations(page)
    page.goto(live_site + "/")
    assert page.evaluate("document.documentElement.lang") == "th"
    page.goto(live_site + "/news/")
    page.locator("main a[href*='/news/']").first.click()
    page.wait_for_load_state("load")
    page.goto(live_site + "/search/?q=" + "ข่าว")
    page.goto(live_site + "/services/e-services/complaint/")
    page.wait_for_load_state("load")
    header = page.request.get(live_site + "/").headers["content-security-policy"]
    assert "script-src 'self';" in header, "own files only, no nonce: nginx may share the page"
    assert violations == []


def test_admin_page_editor_has_no_csp_violations(browser, live_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    pg = context.new_page()
    violations = collect_violations(pg)
    pg.goto(live_site + "/admin/login/")
    pg.fill("#id_username", "webmaster")
    pg.fill("#id_password", PASSWORD)
    pg.click("button[type=submit]")
    enter_two_factor(pg, "webmaster")
    pg.wait_for_url(re.compile(r"/admin/$"))
    pg.goto(live_site + "/admin/pages/search/?q=" + "ข่าว")
    page_id = int(re.search(r"/admin/pages/(\d+)/edit/", pg.content()).group(1))
    pg.goto(f"{live_site}/admin/pages/{page_id}/edit/")
    pg.wait_for_load_state("networkidle")
    pg.locator("#id_title").click()
    pg.goto(live_site + "/admin/documents/")
    pg.goto(live_site + "/admin/images/")
    pg.wait_for_load_state("networkidle")
    context.close()
    assert violations == [], "\n".join(violations)
