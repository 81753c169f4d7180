"""Permission matrix: every role × action × section, each cell asserted (R2, DESIGN.md roles)."""

from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from wagtail.models import Page

import pytest

from home.models import StandardPage
from publishing.urgent import is_webmaster, may_approve_in_writing
from publishing.views import can_see_reports
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

ROLES = ["editor", "head", "other_editor", "other_head", "webmaster", "director"]
SECTIONS = ["news", "action_plan"]

# (role, section) -> set of allowed actions
EXPECTED = {
    ("editor", "news"): {"add", "edit", "submit"},
    ("editor", "action_plan"): set(),
    ("head", "news"): {"add", "edit", "submit", "approve_head", "written_approval", "reports"},
    ("head", "action_plan"): {"reports"},
    ("other_editor", "news"): set(),
    ("other_editor", "action_plan"): {"add", "edit", "submit"},
    ("other_head", "news"): {"reports"},
    ("other_head", "action_plan"): {"add", "edit", "submit", "approve_head", "written_approval", "reports"},
    ("webmaster", "news"): {"add", "edit", "submit", "approve_webmaster", "urgent_publish", "reports"},
    ("webmaster", "action_plan"): {"add", "edit", "submit", "approve_webmaster", "urgent_publish", "reports"},
    ("director", "news"): {"approve_head", "written_approval", "reports"},
    ("director", "action_plan"): {"approve_head", "written_approval", "reports"},
}


def editing_actions(user, section, item):
    perms = section.permissions_for_user(user)
    item_perms = item.permissions_for_user(user)
    actions = set()
    if perms.can_add_subpage():
        actions.add("add")
    if item_perms.can_edit():
        actions.add("edit")
        if item_perms.can_submit_for_moderation():
            actions.add("submit")
    if item_perms.can_publish():
        actions.add("publish")
    if is_webmaster(user):
        actions.add("urgent_publish")
    if can_see_reports(user):
        actions.add("reports")
    return actions


def review_actions(user, item, head_state, web_state):
    actions = set()
    if head_state.task.specific.get_actions(item, user):
        actions.add("approve_head")
    if web_state.task.specific.get_actions(item, user):
        actions.add("approve_webmaster")
    if may_approve_in_writing(user, item) and not is_webmaster(user):
        actions.add("written_approval")
    return actions


@pytest.mark.parametrize("section_name", SECTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(hospital, role, section_name):
    from wagtail.models import TaskState

    from publishing.models import HeadReviewTask, WebmasterPublishTask

    author = hospital["users"]["webmaster2"]  # an author outside every role under test
    section = hospital[section_name]
    item = add_page(section, StandardPage, title=f"รายการใน {section_name}", slug="item", publish=False)
    item.save_revision(user=author)
    item = Page.objects.get(pk=item.pk).specific
    user = hospital["users"][role]
    got = editing_actions(user, section, item)
    workflow = item.get_workflow()
    tasks = {type(t.specific): t.specific for t in workflow.tasks}
    state = workflow.start(item, author)
    head_state = TaskState.objects.get(workflow_state=state, task=tasks[HeadReviewTask]).specific
    # A webmaster-step state to ask about that step's actions (not yet reached in the real flow).
    web_state = TaskState(workflow_state=state, revision=head_state.revision, task=tasks[WebmasterPublishTask])
    item = Page.objects.get(pk=item.pk).specific
    got |= review_actions(user, item, head_state, web_state)
    assert got == EXPECTED[(role, section_name)], f"{role} in {section_name}"
    assert "publish" not in got  # nobody but a superuser publishes outside the workflow


def test_public_and_anonymous_users_see_no_admin_and_no_drafts(hospital):
    item = add_page(hospital["news"], StandardPage, title="ร่างลับ", slug="secret", publish=False)
    client = Client()
    assert client.get(item.url_path.replace("/home", "", 1)).status_code == 404
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/publishing/urgent/").status_code == 302
    assert not is_webmaster(AnonymousUser()) and not can_see_reports(AnonymousUser())


def test_roles_setup_is_idempotent_and_makes_one_workflow_per_section(hospital):
    from publishing.setup import setup_roles

    again = setup_roles()
    assert again.created == []
    assert hospital["news"].get_workflow().name == "เผยแพร่: ข่าวประชาสัมพันธ์"
    assert hospital["action_plan"].get_workflow().name == "เผยแพร่: แผนปฏิบัติการประจำปี"
    assert hospital["plans"].get_workflow().name.startswith("เผยแพร่: หน้าทั่วไป")


@pytest.mark.parametrize(("role", "allowed"), [("webmaster", True), ("editor", False), ("head", False)])
def test_webmasters_keep_the_hospital_holidays(client, hospital, role, allowed):
    from home.models import HospitalHoliday

    client.force_login(hospital["users"][role])
    url = reverse("wagtailsnippets_home_hospitalholiday:add")
    client.post(url, {"date": "2026-12-28", "name": "วันปิดทำการประจำปีของโรงพยาบาล"})
    assert HospitalHoliday.objects.filter(date="2026-12-28").exists() is allowed
