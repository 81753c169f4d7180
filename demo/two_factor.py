"""Demo only: every demo account gets an authenticator device with one known key, so ``make run`` and the
browser journeys can sign in to the admin (two-factor is on in every environment).

The key is public (README "Demo accounts"): add it to any authenticator app, or print the current code
with ``manage.py demo_otp USER``. ``load_demo_data`` refuses to run unless DEBUG is on, so no production
account ever has this key.
"""

from django.contrib.auth import get_user_model

from django_otp.plugins.otp_totp.models import TOTPDevice

# 20 bytes in hex (django-otp's form); the same key in base32 for typing into an app is DEMO_OTP_BASE32.
DEMO_OTP_KEY = "686f642d64656d6f2d323536392d6f74706b6579"  # noqa: S105 — demo only, printed in the README
DEMO_OTP_BASE32 = "NBXWILLEMVWW6LJSGU3DSLLPORYGWZLZ"
DEMO_DEVICE_NAME = "demo"


def load(builder):
    """Give each demo account that can sign in to the admin, and has no device yet, the demo device."""
    User = get_user_model()
    for user in User.objects.filter(is_active=True).order_by("username"):
        if not user.has_usable_password() or not user.has_perm("wagtailadmin.access_admin"):
            continue
        if TOTPDevice.objects.filter(user=user).exists():
            continue
        TOTPDevice.objects.create(user=user, name=DEMO_DEVICE_NAME, key=DEMO_OTP_KEY, confirmed=True)
        builder.created.append(f"two-factor device of {user.username} (demo key)")
