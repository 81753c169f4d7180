"""The hospital's process: submit → head review → webmaster publish, with its refusals (R2.2–R2.5)."""

from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse

from wagtail.models import Page, TaskState

import pytest

from home.models import StandardPage
from publishing.models import HeadReviewTask, WebmasterPublishTask
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


def draft(parent, user, title="ข่าวทดสอบ", **fields):
    page = add_page(parent, StandardPage, title=title, slug=fields.pop("slug", "test-news"), publish=False, **fields)
    page.save_revision(user=user)
    return Page.objects.get(pk=page.pk).specific


def submit(page, user):
    workflow = page.get_workflow()
    return workflow.start(page, user)


def current(page):
    page.refresh_from_db()
    return page.current_workflow_task_state.specific


def test_each_section_has_a_two_step_workflow(hospital):
    workflow = hospital["news"].get_workflow()
    tasks = [t.specific for t in workflow.tasks]
    assert [type(t) for t in tasks] == [HeadReviewTask, WebmasterPublishTask]
    assert hospital["action_plan"].get_workflow() != workflow


def test_submit_head_approve_webmaster_publish_goes_live_and_tells_the_owner(
    hospital, django_capture_on_commit_callbacks
):
    users = hospital["users"]
    page = draft(hospital["news"], users["editor"])
    submit(page, users["editor"])
    assert not Page.objects.get(pk=page.pk).live
    head_state = current(page)
    assert isinstance(head_state.task.specific, HeadReviewTask)
    head_state.task.specific.on_action(head_state, users["head"], "approve")
    web_state = current(page)
    assert isinstance(web_state.task.specific, WebmasterPublishTask)
    assert not Page.objects.get(pk=page.pk).live  # a head's approval alone never publishes
    mail.outbox.clear()
    with django_capture_on_commit_callbacks() as callbacks:
        web_state.task.specific.on_action(web_state, users["webmaster"], "approve")
    assert Page.objects.get(pk=page.pk).live
    # Nothing is sent inside the approval click: the e-mail waits for the transaction to commit.
    assert not [m for m in mail.outbox if "เผยแพร่แล้ว" in m.subject]
    assert callbacks
    for callback in callbacks:
        callback()
    live_mails = [m for m in mail.outbox if "เผยแพร่แล้ว" in m.subject]
    assert live_mails, [m.subject for m in mail.outbox]
    recipients = {r for m in live_mails for r in m.to}
    assert "editor@hodhospital.go.th" in recipients
    assert "http://testserver/news/test-news/" in live_mails[0].body


def test_request_changes_needs_a_reason_which_reaches_the_submitter(hospital, django_capture_on_commit_callbacks):
    users = hospital["users"]
    page = draft(hospital["news"], users["editor"])
    submit(page, users["editor"])
    state = current(page)
    with pytest.raises(PermissionDenied):
        state.task.specific.on_action(state, users["head"], "reject", comment="   ")
    assert current(page).status == TaskState.STATUS_IN_PROGRESS
    mail.outbox.clear()
    with django_capture_on_commit_callbacks() as callbacks:
        state.task.specific.on_action(state, users["head"], "reject", comment="ไฟล์ไม่ใช่รูปแบบ PDF ตามที่ขอ")
    sent_in_the_click = len(mail.outbox)
    for callback in callbacks:
        callback()
    # Our e-mail with the reason leaves only after the commit.
    assert len(mail.outbox) > sent_in_the_click
    message = next(m for m in mail.outbox[sent_in_the_click:] if "ขอให้แก้ไข" in m.subject)
    assert "editor@hodhospital.go.th" in message.to
    assert "ไฟล์ไม่ใช่รูปแบบ PDF ตามที่ขอ" in message.body


def test_request_changes_form_in_the_admin_refuses_an_empty_reason(client, hospital):
    users = hospital["users"]
    page = draft(hospital["news"], users["editor"])
    submit(page, users["editor"])
    state = current(page)
    client.force_login(users["head"])
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", state.pk))
    response = client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    assert response.json()["step"] == "action"  # the form is shown again with its error
    assert "error" in response.json()["html"]
    assert current(page).status == TaskState.STATUS_IN_PROGRESS
    client.post(url, {"comment": "ข้อมูลไม่ตรงกับภารกิจของหน่วยงาน"}, headers={"x-requested-with": "XMLHttpRequest"})
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_REJECTED


def test_nobody_approves_what_they_submitted_or_last_edited(hospital):
    users = hospital["users"]
    # The head writes and submits an item of their own section: they cannot approve it.
    page = draft(hospital["news"], users["head"], slug="heads-own")
    submit(page, users["head"])
    state = current(page)
    assert state.task.specific.get_actions(page, users["head"]) == []
    with pytest.raises(PermissionDenied):
        state.task.specific.on_action(state, users["head"], "approve")
    # The director may approve it instead.
    state.task.specific.on_action(state, users["director"], "approve")
    # A webmaster who last edited the item cannot publish it; the other webmaster can.
    page.refresh_from_db()
    page.specific.save_revision(user=users["webmaster"])
    state = current(page)
    assert state.task.specific.get_actions(page, users["webmaster"]) == []
    with pytest.raises(PermissionDenied):
        state.task.specific.on_action(state, users["webmaster"], "approve")
    assert [a[0] for a in state.task.specific.get_actions(page, users["webmaster2"])] == [
        "reject",
        "approve",
        "approve",
    ]


def test_a_head_of_another_group_cannot_act(client, hospital):
    users = hospital["users"]
    page = draft(hospital["news"], users["editor"])
    submit(page, users["editor"])
    state = current(page)
    assert state.task.specific.get_actions(page, users["other_head"]) == []
    with pytest.raises(PermissionDenied):
        state.task.specific.on_action(state, users["other_head"], "approve")
    client.force_login(users["other_head"])
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk))
    response = client.post(url)
    assert response.status_code in (302, 403)  # refused: no access to the item, or no such action
    assert current(page).status == TaskState.STATUS_IN_PROGRESS


def test_approving_with_a_future_go_live_schedules_instead_of_publishing(hospital):
    import datetime as dt

    from django.utils import timezone

    users = hospital["users"]
    page = draft(hospital["news"], users["editor"], slug="later")
    page.go_live_at = timezone.now() + dt.timedelta(days=2)
    page.save_revision(user=users["editor"])
    submit(page, users["editor"])
    state = current(page)
    state.task.specific.on_action(state, users["head"], "approve")
    state = current(page)
    state.task.specific.on_action(state, users["webmaster"], "approve")
    page = Page.objects.get(pk=page.pk)
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at is not None


def test_editing_after_approval_needs_approval_again(hospital):
    users = hospital["users"]
    page = draft(hospital["news"], users["editor"], slug="edited")
    submit(page, users["editor"])
    state = current(page)
    state.task.specific.on_action(state, users["head"], "approve")
    page.refresh_from_db()
    page.specific.save_revision(user=users["editor2"])  # an edit while waiting for the webmaster
    state = current(page)
    state.task.specific.on_action(state, users["webmaster"], "approve")
    assert not Page.objects.get(pk=page.pk).live  # the edited version was never approved by a head
    assert isinstance(current(page).task.specific, HeadReviewTask)


def test_a_rolled_back_publish_sends_no_e_mail(hospital, django_capture_on_commit_callbacks):
    users = hospital["users"]
    page = draft(hospital["news"], users["editor"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                page.get_latest_revision().publish(user=users["webmaster"], skip_permission_checks=True)
                raise RuntimeError("the request failed after publishing")
        except RuntimeError:
            pass
    assert not Page.objects.get(pk=page.pk).live
    assert callbacks == []
    assert not [m for m in mail.outbox if "เผยแพร่แล้ว" in m.subject]
