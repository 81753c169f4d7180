"""Two-factor sign-in to the admin: refused without a code, wrong codes refused, enrolment, recovery codes
that work once, new codes, an administrator's audited reset — for every role that can open the admin."""

import base64
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import ModelLogEntry

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.roles import CORRUPTION_WORKING_GROUP, DIRECTOR, WEBMASTERS
from tests.publishing.conftest import hospital  # noqa: F401 — fixture

pytestmark = pytest.mark.real_two_factor
PASSWORD = "a-long-Staff-passphrase-7"


def current_code(device, step_offset=0):
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + step_offset):06d}"


def make_staff(username, *group_names, superuser=False):
    User = get_user_model()
    if superuser:
        user = User.objects.create_superuser(username, f"{username}@hodhospital.go.th", PASSWORD)
    else:
        user = User.objects.create_user(username, f"{username}@hodhospital.go.th", PASSWORD)
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def forget_throttle(device):
    """django-otp makes a device wait 1, 2, 4… seconds after each wrong code; the test does not wait."""
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()


def with_app(user):
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the password is accepted"
    return response


@pytest.fixture
def roles(hospital):  # noqa: F811
    return {
        "superuser": make_staff("root", superuser=True),
        "webmaster": make_staff("wm", WEBMASTERS),
        "director": make_staff("dir", DIRECTOR),
        "integrity": make_staff("integ", CORRUPTION_WORKING_GROUP),
        "editor": hospital["users"]["editor"],
    }


@pytest.mark.parametrize("role", ["superuser", "webmaster", "director", "integrity"])
def test_password_alone_does_not_open_the_admin(client, roles, role):
    user = roles[role]
    with_app(user)
    sign_in(client, user.username)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/verify/?next=")
    # Deeper screens and admin APIs too.
    for path in ("/admin/pages/", "/admin/users/", "/admin/api/main/pages/"):
        assert client.get(path)["Location"].startswith("/admin/2fa/verify/"), path
    # The code screen's own icons and translations load before the code is entered.
    assert client.get("/admin/sprite/").status_code == 200
    assert client.get("/admin/jsi18n/").status_code == 200


def test_editor_with_password_only_is_sent_to_enrol(client, roles):
    editor = roles["editor"]
    editor.set_password(PASSWORD)
    editor.save()
    sign_in(client, editor.username)
    response = client.get("/admin/pages/")
    assert response["Location"].startswith("/admin/2fa/enrol/")


def test_wrong_code_is_refused_in_thai_and_right_code_enters(client, roles):
    user = roles["webmaster"]
    device = with_app(user)
    sign_in(client, user.username)
    page = client.get("/admin/2fa/verify/?next=/admin/pages/")
    assert "รหัส" in page.content.decode()
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    refused = client.post("/admin/2fa/verify/", {"code": wrong, "next": "/admin/pages/"})
    assert refused.status_code == 200
    assert "ไม่ถูกต้อง" in refused.content.decode()
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/verify/")
    empty = client.post("/admin/2fa/verify/", {"code": "", "next": "/admin/"})
    assert "กรอกรหัส" in empty.content.decode()
    # Right after a wrong code even the right one waits (django-otp's throttling against guessing).
    throttled = client.post("/admin/2fa/verify/", {"code": current_code(device), "next": "/admin/"})
    assert throttled.status_code == 200
    forget_throttle(device)

    entered = client.post("/admin/2fa/verify/", {"code": current_code(device), "next": "/admin/pages/"})
    assert entered.status_code == 302
    assert entered["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_next_cannot_leave_the_site(client, roles):
    user = roles["webmaster"]
    device = with_app(user)
    sign_in(client, user.username)
    response = client.post("/admin/2fa/verify/", {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_enrolment_shows_a_qr_code_confirms_with_a_code_and_shows_ten_codes_once(client, roles):
    user = roles["director"]
    sign_in(client, user.username)
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/enrol/")
    page = client.get("/admin/2fa/enrol/?next=/admin/")
    html = page.content.decode()
    assert "<svg" in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert re.search(r'data-testid="otp-secret">[A-Z2-7 ]{20,}<', html)
    # Still unverified: the unconfirmed device does not count.
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/enrol/")

    refused = client.post("/admin/2fa/enrol/", {"code": "000000", "next": "/admin/"})
    assert refused.status_code == 200
    assert "ไม่ถูกต้อง" in refused.content.decode()
    forget_throttle(device)

    confirmed = client.post("/admin/2fa/enrol/", {"code": current_code(device), "next": "/admin/"})
    assert confirmed["Location"].startswith("/admin/2fa/codes/")
    shown = client.get(confirmed["Location"])
    assert "no-store" in shown["Cache-Control"]
    codes = re.findall(r"<li><code>([A-Z0-9]{8})</code></li>", shown.content.decode())
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    again = client.get("/admin/2fa/codes/").content.decode()
    assert not re.findall(r"<li><code>([A-Z0-9]{8})</code></li>", again), "codes are shown once"
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="hodsite.otp_enrolled", object_id=str(user.pk)).exists()


def test_recovery_code_works_once(client, roles):
    from home.security.two_factor import new_recovery_codes

    user = roles["webmaster"]
    with_app(user)
    codes = new_recovery_codes(user)
    sign_in(client, user.username)
    entered = client.post("/admin/2fa/verify/", {"code": codes[0].lower(), "next": "/admin/"})
    assert entered["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    client.post("/admin/logout/")
    other = client.__class__()
    sign_in(other, user.username)
    refused = other.post("/admin/2fa/verify/", {"code": codes[0], "next": "/admin/"})
    assert refused.status_code == 200, "a used recovery code is refused"
    assert other.get("/admin/")["Location"].startswith("/admin/2fa/verify/")
    forget_throttle(StaticDevice.objects.get(user=user))
    assert other.post("/admin/2fa/verify/", {"code": codes[1], "next": "/admin/"})["Location"] == "/admin/"


def test_new_recovery_codes_cancel_the_old_ones(client, roles):
    from home.security.two_factor import new_recovery_codes

    user = roles["webmaster"]
    device = with_app(user)
    old = new_recovery_codes(user)
    sign_in(client, user.username)
    client.post("/admin/2fa/verify/", {"code": current_code(device), "next": "/admin/"})
    made = client.post("/admin/2fa/codes/")
    new = re.findall(r"<li><code>([A-Z0-9]{8})</code></li>", made.content.decode())
    assert len(new) == 10
    assert not set(old) & set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


def test_codes_screen_needs_a_verified_session(client, roles):
    user = roles["webmaster"]
    with_app(user)
    sign_in(client, user.username)
    assert client.post("/admin/2fa/codes/")["Location"].startswith("/admin/2fa/verify/")
    assert not StaticToken.objects.filter(device__user=user).exists()


def verified(client, user):
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or with_app(user)
    sign_in(client, user.username)
    assert client.post("/admin/2fa/verify/", {"code": current_code(device), "next": "/admin/"})["Location"] == "/admin/"


def test_superuser_resets_anothers_second_factor_and_it_is_logged(client, roles):
    admin, webmaster = roles["superuser"], roles["webmaster"]
    with_app(webmaster)
    verified(client, admin)
    assert "รีเซ็ต" in client.get(f"/admin/2fa/reset/{webmaster.pk}/").content.decode()
    response = client.post(f"/admin/2fa/reset/{webmaster.pk}/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=webmaster).exists()
    entry = ModelLogEntry.objects.get(action="hodsite.otp_reset", object_id=str(webmaster.pk))
    assert entry.user_id == admin.pk


@pytest.mark.parametrize("role", ["webmaster", "director", "integrity", "editor"])
def test_other_roles_cannot_reset_a_second_factor(client, roles, role):
    user = roles[role]
    user.set_password(PASSWORD)
    user.save()
    target = roles["superuser"]
    with_app(target)
    verified(client, user)
    # Wagtail's admin turns the refusal into a redirect to the dashboard with its "no permission" message.
    assert client.get(f"/admin/2fa/reset/{target.pk}/")["Location"] == "/admin/"
    assert client.post(f"/admin/2fa/reset/{target.pk}/")["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(user=target).exists()


def test_public_pages_and_accounts_without_admin_access_are_untouched(client, home_page):
    get_user_model().objects.create_user("citizen", "c@example.com", PASSWORD)
    client.force_login(get_user_model().objects.get(username="citizen"))
    assert client.get("/").status_code == 200
    assert client.get("/admin/").status_code == 302  # Wagtail's own "no admin access" redirect to sign-in
    assert "2fa" not in client.get("/admin/")["Location"]


def test_force_login_sessions_outside_this_module_are_verified_by_the_fixture_only(client, roles):
    """The suite-wide fixture is off here: a force_login session is not verified."""
    client.force_login(roles["superuser"])
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/enrol/")


def test_demo_accounts_get_the_demo_key_and_demo_otp_prints_its_code(roles, settings):
    from io import StringIO
    from types import SimpleNamespace

    from django.core.management import CommandError, call_command

    from demo import two_factor as demo

    citizen = get_user_model().objects.create_user("citizen", "c@example.com", PASSWORD)
    builder = SimpleNamespace(created=[])
    demo.load(builder)
    device = TOTPDevice.objects.get(user=roles["webmaster"])
    assert device.key == demo.DEMO_OTP_KEY and device.confirmed
    assert base64.b32encode(bytes.fromhex(demo.DEMO_OTP_KEY)).decode() == demo.DEMO_OTP_BASE32  # as in README
    assert not TOTPDevice.objects.filter(user=citizen).exists(), "no admin access, no device"
    count = len(builder.created)
    demo.load(builder)
    assert len(builder.created) == count, "idempotent"

    settings.DEBUG = True
    out = StringIO()
    call_command("demo_otp", "wm", stdout=out, stderr=StringIO())
    assert out.getvalue().strip() in {current_code(device), current_code(device, 1)}
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_otp", "wm", stdout=StringIO(), stderr=StringIO())
