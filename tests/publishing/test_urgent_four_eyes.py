"""Four eyes on urgent publishing (R2.6): who may give the verbal approval, who may approve in writing
afterwards (on a confirmation screen), every refusal in Thai on its field, and every role trying both."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry

import pytest

from home.models import StandardPage
from publishing.models import UrgentPublication
from publishing.urgent import urgent_publish
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


def new_item(hospital, author="editor", submitter=None, slug="urgent"):
    page = add_page(hospital["news"], StandardPage, title="แจ้งงดบริการชั่วคราว", slug=slug, publish=False)
    page.save_revision(user=hospital["users"][author])
    if submitter:
        page.get_workflow().start(page, hospital["users"][submitter])
    return page


def post_urgent(client, page, approver):
    when = timezone.localtime() - dt.timedelta(minutes=10)
    return client.post(
        reverse("publishing_urgent_publish", args=[page.pk]),
        {"verbal_approver": approver.pk, "verbal_approved_at": when.strftime("%Y-%m-%dT%H:%M")},
    )


def field_errors(response, field):
    return " ".join(str(e) for e in response.context["form"].errors.get(field, []))


# -- the verbal approval -------------------------------------------------------------------------


def test_the_webmaster_cannot_name_herself_as_verbal_approver(client, hospital):
    users = hospital["users"]
    users["webmaster"].groups.add(hospital["pr"].head_group)  # a webmaster who is also a head
    page = new_item(hospital)
    client.force_login(users["webmaster"])
    response = post_urgent(client, page, users["webmaster"])
    assert response.status_code == 200
    assert "ท่านไม่สามารถอนุมัติการเผยแพร่เร่งด่วนของตนเองได้" in field_errors(response, "verbal_approver")
    assert not Page.objects.get(pk=page.pk).live and not UrgentPublication.objects.exists()


def test_the_submitter_cannot_be_the_verbal_approver(client, hospital):
    users = hospital["users"]
    page = new_item(hospital, author="editor", submitter="head")  # the head sent it in
    client.force_login(users["webmaster"])
    response = post_urgent(client, page, users["head"])
    assert "head เป็นผู้ส่งรายการนี้" in field_errors(response, "verbal_approver")
    assert not Page.objects.get(pk=page.pk).live


def test_the_last_editor_cannot_be_the_verbal_approver(client, hospital):
    users = hospital["users"]
    page = new_item(hospital, author="head")
    client.force_login(users["webmaster"])
    response = post_urgent(client, page, users["head"])
    assert "head เป็นผู้แก้ไขรายการนี้ล่าสุด" in field_errors(response, "verbal_approver")
    assert not Page.objects.get(pk=page.pk).live
    # The director, who neither wrote nor sent it, may.
    assert post_urgent(client, page, users["director"]).status_code == 302
    assert Page.objects.get(pk=page.pk).live


def test_the_service_refuses_the_same_without_the_form(hospital):
    users = hospital["users"]
    page = new_item(hospital, author="head")
    for approver in ("webmaster", "head", "editor"):  # herself, the last editor, not an approver at all
        with pytest.raises(PermissionDenied):
            urgent_publish(page, users["webmaster"], users[approver], timezone.now())
    assert not UrgentPublication.objects.exists()


def test_the_submitter_is_kept_on_the_record(hospital):
    users = hospital["users"]
    page = new_item(hospital, submitter="editor")
    record = urgent_publish(page, users["webmaster"], users["head"], timezone.now())
    assert record.submitted_by == users["editor"]
    assert page.current_workflow_state is None  # the review in progress was cancelled


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", False), ("head", False), ("director", False), ("webmaster", True), ("superuser", True)],
)
def test_each_role_trying_to_publish_urgently(client, hospital, superuser, role, allowed):
    users = {**hospital["users"], "superuser": superuser}
    page = new_item(hospital)
    client.force_login(users[role])
    assert (client.get(reverse("publishing_urgent_publish", args=[page.pk])).status_code == 200) is allowed
    response = post_urgent(client, page, users["head"])
    assert Page.objects.get(pk=page.pk).live is allowed, (role, response.status_code)
    if allowed:
        assert UrgentPublication.objects.get().published_by == users[role]


# -- the written approval ------------------------------------------------------------------------


def approve_url(record):
    return reverse("publishing_written_approval", args=[record.pk])


def test_written_approval_needs_the_confirmation_step(client, hospital):
    users = hospital["users"]
    record = urgent_publish(new_item(hospital), users["webmaster"], users["head"], timezone.now())
    client.force_login(users["head"])
    response = client.get(approve_url(record))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="confirm"' in html and "ยืนยันการอนุมัติเป็นลายลักษณ์อักษร" in html
    record.refresh_from_db()
    assert record.written_approved_at is None  # looking is not approving
    response = client.post(approve_url(record), {})  # one click without the box
    assert "กรุณาทำเครื่องหมายในช่องเพื่อยืนยัน" in field_errors(response, "confirm")
    record.refresh_from_db()
    assert record.written_approved_at is None
    response = client.post(approve_url(record), {"confirm": "on"})
    assert response["Location"] == reverse("publishing_urgent_list")
    record.refresh_from_db()
    assert record.written_approved_by == users["head"]
    assert PageLogEntry.objects.filter(action="hodsite.written_approval", user=users["head"]).count() == 1


def test_the_list_links_to_the_confirmation_instead_of_approving_in_one_click(client, hospital):
    users = hospital["users"]
    record = urgent_publish(new_item(hospital), users["webmaster"], users["head"], timezone.now())
    client.force_login(users["head"])
    html = client.get(reverse("publishing_urgent_list")).content.decode()
    assert f'href="{approve_url(record)}"' in html
    assert f'action="{approve_url(record)}"' not in html


def test_the_submitter_cannot_approve_in_writing(client, hospital):
    users = hospital["users"]
    page = new_item(hospital, author="editor", submitter="head")
    record = urgent_publish(page, users["webmaster"], users["director"], timezone.now())
    client.force_login(users["head"])
    response = client.get(approve_url(record))
    assert response.status_code == 200
    html = response.content.decode()
    assert "ท่านเป็นผู้ส่งรายการนี้" in html and "ยืนยันการอนุมัติเป็นลายลักษณ์อักษร</button>" not in html
    response = client.post(approve_url(record), {"confirm": "on"})
    assert "ท่านเป็นผู้ส่งรายการนี้" in field_errors(response, "confirm")
    record.refresh_from_db()
    assert record.written_approved_at is None


def test_the_last_editor_cannot_approve_in_writing(client, hospital):
    users = hospital["users"]
    record = urgent_publish(new_item(hospital, author="head"), users["webmaster"], users["director"], timezone.now())
    client.force_login(users["head"])
    response = client.post(approve_url(record), {"confirm": "on"})
    assert "ท่านเป็นผู้แก้ไขรายการนี้ล่าสุด" in field_errors(response, "confirm")
    record.refresh_from_db()
    assert record.written_approved_at is None


def test_the_superuser_who_published_cannot_approve_in_writing(client, hospital, superuser):
    users = hospital["users"]
    record = urgent_publish(new_item(hospital), superuser, users["head"], timezone.now())
    client.force_login(superuser)
    response = client.post(approve_url(record), {"confirm": "on"})
    assert "ท่านเป็นผู้เผยแพร่รายการนี้แบบเร่งด่วน" in field_errors(response, "confirm")
    record.refresh_from_db()
    assert record.written_approved_at is None


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("editor", False),
        ("other_head", False),  # a head of another section
        ("webmaster", False),  # published it, and is no head
        ("webmaster2", False),  # a webmaster is no approver
        ("head", True),
        ("director", True),
        ("superuser", True),
    ],
)
def test_each_role_trying_to_approve_in_writing(client, hospital, superuser, role, allowed):
    users = {**hospital["users"], "superuser": superuser}
    record = urgent_publish(new_item(hospital), users["webmaster"], users["head"], timezone.now())
    client.force_login(users[role])
    assert (client.get(approve_url(record)).status_code == 200) is allowed, role
    client.post(approve_url(record), {"confirm": "on"})
    record.refresh_from_db()
    assert (record.written_approved_by == users[role]) is allowed, role
    assert (record.written_approved_at is not None) is allowed, role
