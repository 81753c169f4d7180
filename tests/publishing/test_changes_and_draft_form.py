"""The editor sees why changes were requested (edit screen and dashboard), and prints the request form as a
draft from submission on (issue #14, items 2 and 7)."""

from django.urls import reverse

import pytest
from freezegun import freeze_time

from home.models import StandardPage
from publishing.changes import changes_requested, changes_requested_for
from tests.conftest import add_page
from tests.publishing.test_paperwork import act, news_draft, pdf_text, people, readable  # noqa: F401 — fixture

pytestmark = pytest.mark.django_db

REASON = "กรุณาระบุวันและเวลาเปิดให้บริการ"
TITLE = "ขอเชิญร่วมบริจาคโลหิต"
SLUG = "ข่าวบริจาคโลหิต"


@pytest.fixture
def sent_back(hospital, people):  # noqa: F811
    """Submitted by the editor at 09:00 on 15 January 2569; the head asked for changes at 09:40."""
    with freeze_time("2026-01-15 09:00:00+07:00") as clock:
        page = news_draft(hospital, people["editor"], TITLE, "blood")
        page.get_workflow().start(page, people["editor"])
        clock.tick(40 * 60)
        act(page, people["head"], "reject", comment=REASON)
    page.refresh_from_db()
    return page


def test_the_reason_who_and_when_are_read_from_the_workflow(sent_back, people):  # noqa: F811
    entry = changes_requested(sent_back)
    assert entry.reason == REASON
    assert entry.by == "วรรณา ศรีวงค์"
    assert entry.at_label == "15 ม.ค. 2569 09:40 น."
    assert entry.task.startswith("หัวหน้าตรวจสอบ")


def test_the_edit_screen_shows_the_reason_in_thai(client, sent_back, people):  # noqa: F811
    client.force_login(people["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[sent_back.pk])).content.decode()
    assert "วรรณา ศรีวงค์ ขอให้แก้ไขเมื่อ 15 ม.ค. 2569 09:40 น." in html
    assert REASON in html


@pytest.mark.parametrize(
    "role, sees",
    [("editor", True), ("editor2", True), ("head", True), ("webmaster", True), ("other_editor", False)],
)
def test_the_dashboard_lists_the_items_sent_back_to_those_who_edit_them(client, sent_back, hospital, role, sees):
    client.force_login(hospital["users"][role])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    edit_url = reverse("wagtailadmin_pages:edit", args=[sent_back.pk])
    assert (REASON in html and edit_url in html and "ต้องแก้ไข" in html) is sees, role
    if sees:
        assert "ขอให้แก้ไขโดย วรรณา ศรีวงค์ เมื่อ 15 ม.ค. 2569 09:40 น." in html


def test_nothing_is_shown_once_the_item_is_submitted_again(client, sent_back, people):  # noqa: F811
    sent_back.save_revision(user=people["editor"])
    sent_back.current_workflow_state.resume(people["editor"])  # Wagtail's "resubmit"
    assert changes_requested(sent_back) is None
    assert changes_requested_for(people["editor"]) == []
    client.force_login(people["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[sent_back.pk])).content.decode()
    assert REASON not in html


# -- the request form as a draft ------------------------------------------------------------------


@pytest.fixture
def submitted(hospital, people):  # noqa: F811
    with freeze_time("2026-01-15 09:00:00+07:00"):
        page = news_draft(hospital, people["editor"], TITLE, SLUG)
        page.get_workflow().start(page, people["editor"])
    page.refresh_from_db()
    return page


def draft_url(page):
    return reverse("publishing_request_form_draft", args=[page.pk])


def test_the_draft_is_marked_and_leaves_the_unsigned_blocks_empty(client, submitted, people):  # noqa: F811
    client.force_login(people["editor"])
    response = client.get(draft_url(submitted))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in (
        "ฉบับร่าง",
        "ยังไม่ได้เผยแพร่",
        "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน",
        TITLE,
        "(อนุชา ปัญญาดี)",
        "15 มกราคม 2569 09:00 น.",
        f"http://testserver/news/{SLUG}/",  # the address as Thai letters, not %E0%B8…
    ):
        assert readable(expected) in text, expected
    assert "%E0" not in text
    assert readable("วรรณา ศรีวงค์") not in text  # the head has not signed yet
    assert readable("ปิยะพงษ์ คำมูล") not in text


def test_the_draft_shows_the_heads_approval_once_given(client, submitted, people):  # noqa: F811
    with freeze_time("2026-01-15 09:20:00+07:00"):
        act(submitted, people["head"], "approve")
    client.force_login(people["editor"])
    text = pdf_text(client.get(draft_url(submitted)).content)
    assert readable("(วรรณา ศรีวงค์)") in text and readable("15 มกราคม 2569 09:20 น.") in text
    assert readable("ฉบับร่าง") in text


@pytest.mark.parametrize(
    "role, allowed",
    [
        ("editor", True),
        ("head", True),
        ("webmaster", True),
        ("director", True),
        ("other_editor", False),
        ("other_head", False),
    ],
)
def test_the_draft_follows_the_forms_permission_rules(client, submitted, hospital, role, allowed):
    client.force_login(hospital["users"][role])
    response = client.get(draft_url(submitted))
    assert response.content.startswith(b"%PDF-") is allowed
    if not allowed:
        assert response.status_code in (302, 403)


def test_no_draft_outside_the_workflow_and_none_for_anonymous(client, hospital, superuser, submitted):
    assert client.get(draft_url(submitted)).status_code == 302  # to the sign-in
    page = add_page(hospital["news"], StandardPage, title="ยังไม่ได้ส่ง", slug="not-submitted", publish=False)
    client.force_login(superuser)
    assert client.get(draft_url(page)).status_code == 404


def test_the_draft_is_offered_where_the_form_is(client, submitted, people, hospital):  # noqa: F811
    url = draft_url(submitted)
    client.force_login(people["editor"])
    assert url in client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk])).content.decode()
    client.force_login(people["director"])  # finds it in the explorer's menu
    assert url in client.get(reverse("wagtailadmin_explore", args=[hospital["news"].pk])).content.decode()
    client.force_login(people["head"])
    state = submitted.current_workflow_state
    history = client.get(reverse("wagtailadmin_pages:workflow_history_detail", args=[submitted.pk, state.pk]))
    assert url in history.content.decode()
    client.force_login(hospital["users"]["other_editor"])
    assert url not in client.get(reverse("wagtailadmin_explore", args=[hospital["news"].pk])).content.decode()
