"""Lockout after 5 wrong passwords per username and address (django-axes), behind the proxy, and unlocking."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest
from axes.models import AccessAttempt
from freezegun import freeze_time

PASSWORD = "a-long-Staff-passphrase-7"


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("chief", "chief@hodhospital.go.th", PASSWORD)


def attempt(client, password, **extra):
    return client.post("/admin/login/", {"username": "chief", "password": password}, **extra)


def fail_five_times(client, **extra):
    for _ in range(5):
        attempt(client, "wrong-password-123", **extra)


def test_sixth_try_with_the_right_password_is_refused_with_the_thai_page(client, staff):
    for _ in range(4):
        response = attempt(client, "wrong-password-123")
        assert response.status_code == 200  # the form again, with Wagtail's message
    attempt(client, "wrong-password-123")
    locked = attempt(client, PASSWORD)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "ระงับการเข้าสู่ระบบ" in html
    assert "30 นาที" in html
    assert "_auth_user_id" not in client.session


def test_after_the_cool_off_the_right_password_works(client, staff):
    start = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
    with freeze_time(start):
        fail_five_times(client)
        assert attempt(client, PASSWORD).status_code == 429
    with freeze_time(start + dt.timedelta(minutes=29)):
        assert attempt(client, PASSWORD).status_code == 429
    with freeze_time(start + dt.timedelta(minutes=61)):
        response = attempt(client, PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(staff.pk)


def test_lock_is_per_address_behind_the_proxy(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    colleague = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    fail_five_times(client, **attacker)
    assert attempt(client, PASSWORD, **attacker).status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.9", "the client's address, not the proxy's"
    assert attempt(client, PASSWORD, **colleague).status_code == 302


def test_unlock_command(client, staff):
    fail_five_times(client)
    call_command("axes_reset_username", "chief")
    assert attempt(client, PASSWORD).status_code == 302


def test_webmaster_screen_unlocks_and_only_user_managers_see_it(client, staff, django_user_model):
    fail_five_times(client)
    other = client.__class__()
    clerk = django_user_model.objects.create_user("clerk", "c@hodhospital.go.th", PASSWORD)
    from django.contrib.auth.models import Permission

    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    other.force_login(clerk)
    # Wagtail's admin turns a refusal into a redirect to the dashboard with its "no permission" message.
    assert other.get("/admin/security/locked/")["Location"] == "/admin/"
    assert other.post(f"/admin/security/locked/{AccessAttempt.objects.get().pk}/unlock/")["Location"] == "/admin/"
    assert AccessAttempt.objects.exists()

    manager = client.__class__()
    manager.force_login(django_user_model.objects.create_superuser("boss", "b@hodhospital.go.th", PASSWORD))
    listing = manager.get("/admin/security/locked/")
    assert "chief" in listing.content.decode()
    manager.post(f"/admin/security/locked/{AccessAttempt.objects.get().pk}/unlock/")
    assert not AccessAttempt.objects.exists()
    assert attempt(client, PASSWORD).status_code == 302
