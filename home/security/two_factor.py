"""Two-factor sign-in for everyone who can open the Wagtail admin (django-otp).

After the password, the admin asks for the 6-digit code of the user's authenticator app (a TOTP device)
or one of their 10 one-time recovery codes (a static device). A user without an app is sent to enrol:
scan the QR code (or type the key), confirm with a code, receive the recovery codes once.

``AdminTwoFactorMiddleware`` enforces it for every ``/admin/`` address except sign-in, sign-out,
password reset and these screens, when ``ADMIN_2FA_REQUIRED`` is on (every environment). A session
becomes verified through ``django_otp.login`` only.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.crypto import get_random_string

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
# Recovery codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L).
RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
APP_DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery"

# URL names the middleware lets through before the code is entered.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "hod_2fa_verify",
    "hod_2fa_enrol",
    "wagtailadmin_javascript_catalog",  # the screens above load it
    "wagtailadmin_sprite",  # the icons, fetched by script into every admin page (else the page itself lands there)
}


def needs_two_factor(user):
    """Whether this user may open the admin, and so must use a second factor."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin"))


def confirmed_app(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user):
    """An app, or recovery codes left (a user who lost the phone can still enter with a code)."""
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or StaticToken.objects.filter(device__user=user, device__confirmed=True).exists()
    )


def new_recovery_codes(user):
    """Replace the user's recovery codes with 10 new ones; return them (shown once, stored as given)."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [get_random_string(8, RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def reset_devices(user):
    """Remove every second factor of ``user`` (an administrator's reset): they enrol again on next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def normalise_code(value):
    return "".join(value.split()).replace("-", "").upper()


class AdminTwoFactorMiddleware:
    """Sends an admin user whose session has not entered a code to the code screen (or to enrol)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            target = "hod_2fa_verify" if has_second_factor(request.user) else "hod_2fa_enrol"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _must_verify(self, request):
        if not getattr(settings, "ADMIN_2FA_REQUIRED", True):
            return False
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return False
        user = getattr(request, "user", None)
        if not needs_two_factor(user) or user.is_verified():
            return False

        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True
        return match.url_name not in OPEN_URL_NAMES
