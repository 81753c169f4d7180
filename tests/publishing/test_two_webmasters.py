"""At least two active webmasters (R3.2, announcement §3.1): the admin refuses, in Thai, to deactivate,
delete or take out of the group one of the last two, one by one or in bulk, and to delete or rename the group."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from home.roles import WEBMASTERS
from tests.publishing.conftest import make_user

pytestmark = pytest.mark.django_db
LAST_TWO = "เป็นหนึ่งในผู้ดูแลเว็บไซต์ 2 คนสุดท้ายที่ใช้งานอยู่"
FEWER = "จะทำให้เหลือผู้ดูแลเว็บไซต์ที่ใช้งานอยู่น้อยกว่า 2 คน"


def edit_data(user, active=True, groups=None):
    groups = user.groups.all() if groups is None else groups
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": "สมศรี",
        "last_name": "ใจดี",
        "password1": "",
        "password2": "",
        "groups": [g.pk for g in groups],
    }
    if active:
        data["is_active"] = "on"
    return data


def active(user):
    user.refresh_from_db()
    return user.is_active


@pytest.fixture
def admin(client, superuser):
    client.force_login(superuser)
    return client


def test_deactivating_one_of_the_last_two_is_refused_on_the_field(admin, hospital):
    webmaster = hospital["users"]["webmaster"]
    response = admin.post(reverse("wagtailusers_users:edit", args=[webmaster.pk]), edit_data(webmaster, active=False))
    assert response.status_code == 200
    assert LAST_TWO in " ".join(response.context["form"].errors["is_active"])
    assert active(webmaster)


def test_taking_one_of_the_last_two_out_of_the_group_is_refused(admin, hospital):
    webmaster = hospital["users"]["webmaster"]
    response = admin.post(reverse("wagtailusers_users:edit", args=[webmaster.pk]), edit_data(webmaster, groups=[]))
    assert LAST_TWO in " ".join(response.context["form"].errors["groups"])
    assert webmaster.groups.filter(name=WEBMASTERS).exists()


def test_with_a_third_webmaster_one_may_leave(admin, hospital):
    make_user("webmaster3", Group.objects.get(name=WEBMASTERS))
    webmaster = hospital["users"]["webmaster"]
    response = admin.post(reverse("wagtailusers_users:edit", args=[webmaster.pk]), edit_data(webmaster, active=False))
    assert response.status_code == 302
    assert not active(webmaster)
    # Now two are left: the next one is refused.
    webmaster2 = hospital["users"]["webmaster2"]
    response = admin.post(reverse("wagtailusers_users:edit", args=[webmaster2.pk]), edit_data(webmaster2, active=False))
    assert response.status_code == 200 and active(webmaster2)


def test_other_users_are_edited_as_before(admin, hospital):
    editor = hospital["users"]["editor"]
    response = admin.post(reverse("wagtailusers_users:edit", args=[editor.pk]), edit_data(editor, active=False))
    assert response.status_code == 302 and not active(editor)


def test_deleting_one_of_the_last_two_is_refused(admin, hospital):
    webmaster = hospital["users"]["webmaster"]
    url = reverse("wagtailusers_users:delete", args=[webmaster.pk])
    for response in (admin.get(url), admin.post(url)):
        assert response["Location"] == reverse("wagtailusers_users:edit", args=[webmaster.pk])
    assert get_user_model().objects.filter(pk=webmaster.pk).exists()
    messages = [str(m) for m in admin.get(reverse("wagtailusers_users:index")).context["messages"]]
    assert any(LAST_TWO in m for m in messages)


def test_a_user_who_is_not_a_webmaster_is_deleted_as_before(admin, hospital):
    editor = hospital["users"]["editor2"]
    admin.post(reverse("wagtailusers_users:delete", args=[editor.pk]))
    assert not get_user_model().objects.filter(pk=editor.pk).exists()


def bulk_url(action, *users):
    ids = "&".join(f"id={u.pk}" for u in users)
    return reverse("wagtail_bulk_action", args=["auth", "user", action]) + f"?{ids}&next=/admin/users/"


def test_bulk_deactivation_and_deletion_are_refused(admin, hospital):
    users = hospital["users"]
    response = admin.post(
        bulk_url("set_active_state", users["webmaster"], users["editor"]), {"mark_as_active": "False"}
    )
    assert response.status_code == 302
    assert active(users["webmaster"]) and active(users["editor"])  # nothing done, not even the editor
    response = admin.post(bulk_url("delete", users["webmaster2"]), follow=True)
    assert get_user_model().objects.filter(pk=users["webmaster2"].pk).exists()
    assert FEWER in response.content.decode()


def test_bulk_actions_that_keep_two_webmasters_go_through(admin, hospital):
    users = hospital["users"]
    admin.post(bulk_url("set_active_state", users["editor"]), {"mark_as_active": "False"})
    assert not active(users["editor"])
    admin.post(bulk_url("set_active_state", users["webmaster"]), {"mark_as_active": "True"})  # activating is fine
    assert active(users["webmaster"])


def test_the_webmasters_group_can_be_neither_deleted_nor_renamed(admin, hospital):
    group = Group.objects.get(name=WEBMASTERS)
    response = admin.post(reverse("wagtailusers_groups:delete", args=[group.pk]))
    assert response["Location"] == reverse("wagtailusers_groups:edit", args=[group.pk])
    assert Group.objects.filter(pk=group.pk).exists()
    response = admin.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    form = response.context["form"]
    data = {"name": "ผู้ดูแล", **_formset_management(response)}
    response = admin.post(reverse("wagtailusers_groups:edit", args=[group.pk]), data)
    assert "ไม่สามารถเปลี่ยนชื่อกลุ่มผู้ดูแลเว็บไซต์ได้" in " ".join(response.context["form"].errors["name"])
    assert form.instance.name == WEBMASTERS and Group.objects.filter(name=WEBMASTERS).exists()


def _formset_management(response):
    """The management forms of the group editor's permission formsets, as they were rendered."""
    data = {}
    for formset in response.context.get("permission_panels", []):
        formset = getattr(formset, "formset", formset)
        management = getattr(formset, "management_form", None)
        if management is not None:
            for name, field in management.fields.items():
                data[f"{management.prefix}-{name}"] = management.initial.get(name, field.initial) or 0
    return data


@pytest.mark.parametrize("role", ["editor", "head", "webmaster", "director"])
def test_staff_without_user_rights_cannot_reach_the_user_screens(client, hospital, role):
    users = hospital["users"]
    client.force_login(users[role])
    target = users["webmaster2"]
    response = client.post(reverse("wagtailusers_users:edit", args=[target.pk]), edit_data(target, active=False))
    assert response.status_code in (302, 403)
    assert active(target)
    client.post(reverse("wagtailusers_users:delete", args=[target.pk]))
    assert get_user_model().objects.filter(pk=target.pk).exists()


@pytest.mark.parametrize("path", ["edit", "delete", "bulk"])
def test_the_check_runs_locked_in_the_transaction_of_the_change(admin, hospital, monkeypatch, path):
    """The count of webmasters is taken inside the transaction that then makes the change, under a lock."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from publishing import webmasters

    make_user("webmaster3", Group.objects.get(name=WEBMASTERS))  # so the change is allowed and happens
    target = hospital["users"]["webmaster"]
    outside = len(connection.atomic_blocks)  # the test's own transaction(s)
    depths = []
    real = webmasters.would_leave_too_few

    def spy(leaving_ids):
        depths.append(len(connection.atomic_blocks))
        return real(leaving_ids)

    monkeypatch.setattr(webmasters, "would_leave_too_few", spy)
    with CaptureQueriesContext(connection) as queries:
        if path == "edit":
            admin.post(reverse("wagtailusers_users:edit", args=[target.pk]), edit_data(target, active=False))
        elif path == "delete":
            admin.post(reverse("wagtailusers_users:delete", args=[target.pk]))
        else:
            admin.post(bulk_url("set_active_state", target), {"mark_as_active": "False"})
    assert not get_user_model().objects.filter(pk=target.pk, is_active=True).exists()  # the change was made
    assert depths and all(depth > outside for depth in depths)  # ... in a transaction of the request
    if connection.features.has_select_for_update:  # PostgreSQL: the group row and its members are locked
        sql = [q["sql"] for q in queries.captured_queries]
        lock = next(i for i, q in enumerate(sql) if "FOR UPDATE" in q and "auth_group" in q)
        change = next(i for i, q in enumerate(sql) if q.startswith(("UPDATE", "DELETE")) and "auth_user" in q)
        assert lock < change


@pytest.mark.django_db(transaction=True)
def test_two_administrators_at_the_same_instant_cannot_both_remove_a_webmaster():
    """Three webmasters; two administrators each take a different one away at the same time: one must be refused."""
    import threading
    import time

    from django.db import connection, connections, transaction

    from publishing.webmasters import would_leave_too_few

    if not connection.features.has_select_for_update:
        pytest.skip("SQLite has no row locks; it lets one transaction write at a time")
    group, _created = Group.objects.get_or_create(name=WEBMASTERS)
    first, second, _third = (make_user(f"webmaster-lock-{n}", group) for n in range(3))
    checked = threading.Event()
    results, errors = {}, []

    def remove(user, signal_after_check):
        try:
            with transaction.atomic():
                if would_leave_too_few({user.pk}):
                    results[user.pk] = "refused"
                    return
                if signal_after_check:
                    checked.set()  # the other administrator checks now, before this change is committed
                    time.sleep(1)
                get_user_model().objects.filter(pk=user.pk).update(is_active=False)
                results[user.pk] = "done"
        except Exception as error:  # pragma: no cover — shown by the assertion below
            errors.append(error)
        finally:
            checked.set()
            connections.close_all()

    one = threading.Thread(target=remove, args=(first, True))
    one.start()
    assert checked.wait(10)
    two = threading.Thread(target=remove, args=(second, False))
    two.start()
    one.join(20)
    two.join(20)
    assert not errors
    assert results == {first.pk: "done", second.pk: "refused"}
    assert get_user_model().objects.filter(is_active=True, groups=group).count() == 2
