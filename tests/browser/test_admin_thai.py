"""The admin speaks Thai: a news item from draft to published, and the superuser's screens.

One journey through the Wagtail admin as the demo accounts use it: the editor finds the news section
in the page explorer, drafts an item there and submits it; the head of group finds it awaiting review
on the dashboard and requests changes with a reason; the editor revises and resubmits; the head
approves, and where the hospital's workflow has a webmaster's step after the head's, a webmaster
publishes. Then the superuser visits documents, images, users, groups, reports, the contact settings
and the item's history; finally the public news section shows the item.

Every screen is checked for visible English: the text people see (and the text screen readers
announce) and the placeholder, aria-label, title and tooltip attributes of visible elements. Content
is not checked: what people typed or uploaded (titles, file names, usernames, form values), left out
by CONTENT_SELECTORS and removed wherever the admin quotes it, plus an explicit allow-list of brand
and technical words that belong in a Thai admin. All findings are reported together at the end, each
English string once with the screens it is on (screenshots: test-results/screenshots/admin-*.png),
so a failure is the translator's to-do list.
"""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import enter_two_factor, screenshot

PASSWORD = "hod-demo-2569"
TITLE = "โรงพยาบาลฮอดเปิดคลินิกผู้สูงอายุทุกวันพุธ"
INTRO = "คลินิกผู้สูงอายุเปิดให้บริการที่อาคารผู้ป่วยนอก ชั้น ๑"
INTRO_REVISED = "คลินิกผู้สูงอายุเปิดให้บริการทุกวันพุธ เวลา ๐๘.๓๐–๑๒.๐๐ น. ที่อาคารผู้ป่วยนอก ชั้น ๑"
NEWS = "ข่าวประชาสัมพันธ์"  # the news section's title
OWNER_UNIT = "งานประชาสัมพันธ์"  # the public relations unit, which owns the news section
REQUEST_COMMENT = "กรุณาระบุวันและเวลาเปิดให้บริการ"

# Latin words that are right in a Thai admin: names of products, file formats, units, assessments.
ALLOWED_WORDS = {
    "Wagtail", "URL", "HTML", "ID", "PDF", "KB", "MB", "GB", "CSV", "XLSX", "JSON", "API", "SVG",
    "JPEG", "JPG", "PNG", "GIF", "WebP", "AVIF", "ITA", "MOIT", "MOPH", "Facebook",
}  # fmt: skip
# Latin phrases of the demo hospital's content that the admin shows outside CONTENT_SELECTORS, and
# the demo usernames as the admin quotes them. Removed as whole phrases, so that a bare "No" or
# "head" is still caught.
DEMO_USERNAMES = ("admin", "director", "webmaster", "webmaster2", "head", "editor")
CONTENT_PHRASES = ["No Gift Policy", "E-Service", *(f"'{username}'" for username in DEMO_USERNAMES)]
# Elements whose text is content, not interface. Their texts are also removed wherever the admin
# quotes them (e.g. an aria-label "more options for '<title>'").
CONTENT_SELECTORS = ", ".join([
    "[contenteditable='true']",  # rich text being edited
    "textarea", "input",  # form values
    "td.title .title-wrapper", "td.title > a",  # page, document, group titles in listings and reports
    "td > a[href$='/edit/']",  # item titles linking to their editor in the workflow reports
    ".image-choice figcaption",  # image titles in the images listing
    "td.username",  # usernames in the users listing
    "td.wrap-anywhere",  # file names in the documents listing
])  # fmt: skip
# Never UI words: e-mail and web addresses, paths, file names, slugs.
NOT_WORDS = re.compile(
    r"\S+@\S+|https?://\S+|(?<![\w.])/[\w\-./%]*"
    r"|\b[\w\-]+\.(?:pdf|docx|xlsx|pptx|odt|ods|zip|jpe?g|png|gif|webp)\b|\b[a-z0-9]+(?:-[a-z0-9]+)+\b",
    re.IGNORECASE,
)
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

# {texts: [[where, text]] for every visible text node and every visible element's label-like
# attributes outside content; content: the texts of the content elements}
VISIBLE_TEXTS_JS = """(contentSelectors) => {
  const squash = (text) => (text || '').replace(/\\s+/g, ' ').trim();
  const texts = [['title', squash(document.title)]];
  const visible = (el) => (el.closest('select') || el).checkVisibility({visibilityProperty: true});
  const skip = (el) => el.closest('script, style, template, noscript, ' + contentSelectors) || !visible(el);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = squash(node.nodeValue);
    if (text && node.parentElement && !skip(node.parentElement)) texts.push(['text', text]);
  }
  const attributes = ['placeholder', 'aria-label', 'title', 'data-w-tooltip-content-value'];
  for (const el of document.body.querySelectorAll(attributes.map((a) => `[${a}]`).join(','))) {
    if (skip(el)) continue;
    for (const a of attributes) {
      const value = squash(el.getAttribute(a));
      if (value) texts.push([a, value]);
    }
  }
  const content = [...document.body.querySelectorAll(contentSelectors)]
    .filter((el) => !['INPUT', 'TEXTAREA'].includes(el.tagName))
    .map((el) => squash(el.textContent)).filter((text) => text.length >= 3);
  return {texts, content};
}"""


class EnglishFinder:
    """Records the English each screen shows; `assert_none` reports every string once, with its screens."""

    def __init__(self, content_phrases=()):
        self.phrases = {*CONTENT_PHRASES, *content_phrases}
        self.found = {}  # (where, text) -> {"words": [...], "steps": [...]}

    def check(self, pg, step):
        pg.wait_for_load_state("networkidle")
        screenshot(pg, f"admin-{step}")
        seen = pg.evaluate(VISIBLE_TEXTS_JS, CONTENT_SELECTORS)
        phrases = sorted(self.phrases | set(seen["content"]), key=len, reverse=True)
        for where, text in seen["texts"]:
            cleaned = text
            for phrase in phrases:
                cleaned = cleaned.replace(phrase, " ")
            words = [w for w in LATIN_WORD.findall(NOT_WORDS.sub(" ", cleaned)) if w not in ALLOWED_WORDS]
            if words:
                entry = self.found.setdefault((where, text), {"words": words, "steps": []})
                if f"admin-{step}" not in entry["steps"]:
                    entry["steps"].append(f"admin-{step}")

    def assert_none(self):
        lines = [
            f"  {text!r} ({where}: {' '.join(entry['words'])}) on {', '.join(entry['steps'])}"
            for (where, text), entry in self.found.items()
        ]
        assert not lines, (
            f"{len(lines)} English strings on the Thai admin (string (where: English words) on screens):\n"
            + "\n".join(lines)
        )


@pytest.fixture
def new_admin_page(browser):
    """A page in a browser context of its own (its own session), so several users can be logged in."""
    contexts = []

    def new_page():
        contexts.append(browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH"))
        return contexts[-1].new_page()

    yield new_page
    for context in contexts:
        context.close()


def log_in(pg, base, username, english=None, step=None):
    pg.goto(base + "/admin/login/")
    if english:
        english.check(pg, step)
    pg.locator("#id_username").fill(username)
    pg.locator("#id_password").fill(PASSWORD)
    pg.locator("form button[type='submit']").click()
    enter_two_factor(pg, username)
    pg.wait_for_url(base + "/admin/")


def fill_new_item(pg):
    """Fill in the create form: the title (Wagtail makes the slug from it when the field loses focus),
    the introduction, and the facts an item page requires where the page type has them (owner unit,
    start of the data period)."""
    pg.locator("#id_title").fill(TITLE)
    pg.locator("#id_title").blur()
    expect(pg.locator("#id_slug")).not_to_have_value("")
    pg.locator("#id_intro").fill(INTRO)
    owner = pg.locator("select#id_owner_unit")
    if owner.count():
        labels = owner.locator("option").all_inner_texts()
        owner.select_option(label=OWNER_UNIT if OWNER_UNIT in labels else labels[1])
    period_start = pg.locator("#id_period_start")
    if period_start.count():
        today = date.today()
        period_start.fill(f"{today:%d/%m}/{today.year + 543}")  # the admin reads dates in พ.ศ.


def explorer_row(pg, title):
    return pg.locator("table.listing tbody tr", has=pg.locator("td.title", has_text=re.compile(rf"^\s*{title}\s*$")))


def explore_children(pg, title):
    """In the page explorer, open the child pages of the row titled `title` (the arrow at its end)."""
    explorer_row(pg, title).locator("td.children a").click()
    pg.wait_for_load_state()


def open_footer_menu(pg):
    """Open the dropdown of more actions beside the page editor's main button, and wait until it is shown."""
    pg.locator("footer .w-dropdown__toggle").click()
    box = pg.locator("footer .tippy-box")
    expect(box).to_have_attribute("data-state", "visible")
    pg.wait_for_function("(box) => getComputedStyle(box).opacity === '1'", arg=box.element_handle())


def expect_success(pg):
    expect(pg.locator(".messages .success").first).to_be_visible()


def approve(pg):
    """The workflow task's approve action (without a comment), from the page editor's footer menu."""
    open_footer_menu(pg)
    pg.locator("footer button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])").click()
    expect_success(pg)


# The dashboard's panels "Awaiting your review" (moderators) and "Your pages in a workflow" (authors).
AWAITING_REVIEW = "#awaiting-review-section"
IN_WORKFLOW = "#objects-in-workflow-section"


def open_from_dashboard(pg, base, panel, page_id):
    """Open the news item in the page editor from a panel of the dashboard."""
    pg.goto(base + "/admin/")
    pg.locator(panel).get_by_role("link", name=TITLE).first.click()
    pg.wait_for_url(re.compile(rf"/admin/pages/{page_id}/edit/"))


def test_news_item_from_draft_to_published_in_thai(new_admin_page, live_site):
    base = live_site
    english = EnglishFinder(content_phrases=[TITLE])

    # 1. The editor logs in and sees the dashboard.
    editor = new_admin_page()
    log_in(editor, base, "editor", english, "login")
    english.check(editor, "dashboard-editor")

    # 2. The editor finds the news section in the page explorer and drafts a news item there, then
    # submits it for moderation.
    editor.goto(base + "/admin/pages/")
    english.check(editor, "explorer-start")
    # Wagtail starts the explorer at the highest page the user may edit below: the root, or the home page.
    if not explorer_row(editor, NEWS).count():
        explore_children(editor, "โรงพยาบาลฮอด")
        english.check(editor, "explorer-home")
    explore_children(editor, NEWS)
    english.check(editor, "explorer-news")
    editor.locator("#w-slim-header-buttons a[href$='/add_subpage/']").click()
    editor.wait_for_load_state()
    if editor.url.endswith("/add_subpage/"):  # more than one page type allowed here: choose one
        english.check(editor, "choose-page-type")
        standard = editor.locator("main a[href*='/add/home/standardpage/']")
        (standard if standard.count() else editor.locator("main a[href*='/admin/pages/add/']")).first.click()
    editor.wait_for_url(re.compile(r"/admin/pages/add/\w+/\w+/\d+/$"))
    english.check(editor, "create-page")
    fill_new_item(editor)
    editor.locator("footer button.action-save").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect_success(editor)
    page_id = re.search(r"/admin/pages/(\d+)/edit/", editor.url).group(1)
    english.check(editor, "draft-saved")
    open_footer_menu(editor)
    english.check(editor, "editor-footer-menu")
    editor.locator("footer button[name='action-submit']").click()
    expect_success(editor)
    english.check(editor, "submitted")

    # 3. The head of group sees the item awaiting review on the dashboard and requests changes.
    head = new_admin_page()
    log_in(head, base, "head")
    english.check(head, "dashboard-head")
    expect(head.locator(AWAITING_REVIEW).get_by_role("link", name=TITLE)).to_be_visible()
    open_from_dashboard(head, base, AWAITING_REVIEW, page_id)
    english.check(head, "review-edit")
    open_footer_menu(head)
    english.check(head, "review-footer-menu")
    head.locator("footer button[data-workflow-action-name='reject']").click()
    modal = head.locator(".modal").filter(visible=True)
    expect(modal.locator("textarea")).to_be_visible()
    english.check(head, "request-changes-modal")
    modal.locator("textarea").fill(REQUEST_COMMENT)
    modal.locator("form button[type='submit']").click()
    expect_success(head)
    english.check(head, "changes-requested")

    # The editor sees the request, revises the item and resubmits it.
    editor.goto(base + "/admin/")
    expect(editor.locator(IN_WORKFLOW).get_by_role("link", name=TITLE)).to_be_visible()
    english.check(editor, "dashboard-editor-changes-requested")
    open_from_dashboard(editor, base, IN_WORKFLOW, page_id)
    english.check(editor, "edit-after-changes-requested")
    editor.locator("#id_intro").fill(INTRO_REVISED)
    open_footer_menu(editor)
    english.check(editor, "resubmit-footer-menu")
    editor.locator("footer button[name='action-submit']").click()
    expect_success(editor)
    english.check(editor, "resubmitted")

    # The head approves. Where the workflow's last task is the head's, approving publishes; where a
    # webmaster's task follows, the item now awaits a webmaster, who publishes it.
    open_from_dashboard(head, base, AWAITING_REVIEW, page_id)
    english.check(head, "review-again")
    approve(head)
    english.check(head, "approved")
    webmaster = new_admin_page()
    log_in(webmaster, base, "webmaster")
    english.check(webmaster, "dashboard-webmaster")
    if webmaster.locator(AWAITING_REVIEW).get_by_role("link", name=TITLE).count():
        open_from_dashboard(webmaster, base, AWAITING_REVIEW, page_id)
        english.check(webmaster, "publish-edit")
        approve(webmaster)
        english.check(webmaster, "published")

    # 4. The superuser's screens: media, people, reports, settings, and the page's history.
    admin = new_admin_page()
    log_in(admin, base, "admin")
    english.check(admin, "dashboard-admin")
    screens = [
        ("documents", "/admin/documents/"),
        ("images", "/admin/images/"),
        ("users", "/admin/users/"),
        ("groups", "/admin/groups/"),
        ("report-locked-pages", "/admin/reports/locked/"),
        ("report-workflows", "/admin/reports/workflow/"),
        ("report-workflow-tasks", "/admin/reports/workflow_tasks/"),
        ("report-site-history", "/admin/reports/site-history/"),
        ("report-aging-pages", "/admin/reports/aging-pages/"),
        ("settings-contact", "/admin/settings/home/contactsettings/"),
        ("page-history", f"/admin/pages/{page_id}/history/"),
    ]
    for step, path in screens:
        response = admin.goto(base + path)
        assert response.ok, f"{path}: HTTP {response.status}"
        english.check(admin, step)
    # A heads' group ("<unit> · หัวหน้า") found with the groups search, or where the hospital's roles
    # are not set up, Wagtail's default "Moderators".
    admin.goto(base + f"/admin/groups/?q={OWNER_UNIT}")
    heads = admin.locator("td.title a").filter(has_text="หัวหน้า")
    if not heads.count():
        admin.goto(base + "/admin/groups/?q=Moderators")
    english.check(admin, "groups-search")
    (heads if heads.count() else admin.locator("td.title a")).first.click()
    admin.wait_for_url(re.compile(r"/admin/groups/(edit/)?\d+/$"))
    english.check(admin, "group-edit")

    # Finally the public news section lists the approved item, and it opens.
    public = admin.context.new_page()
    public.goto(base + "/news/")
    public.locator("main").get_by_role("link", name=TITLE).first.click()
    expect(public.locator("h1")).to_have_text(TITLE)
    expect(public.locator("main")).to_contain_text(INTRO_REVISED)
    screenshot(public, "admin-public-news-item")

    english.assert_none()
