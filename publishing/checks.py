"""System check: at least two active webmasters, so one can stand in for the other (R3.2)."""

from django.core.checks import Warning, register
from django.db import DatabaseError

from home.roles import WEBMASTERS


def active_webmaster_count():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, groups__name=WEBMASTERS).distinct().count()


@register()
def check_two_webmasters(app_configs, **kwargs):
    try:
        count = active_webmaster_count()
    except DatabaseError:  # tables not created yet (before the first migrate)
        return []
    if count >= 2:
        return []
    from django.contrib.auth.models import Group

    try:
        if not Group.objects.filter(name=WEBMASTERS).exists():
            return []  # roles not set up yet: setup_roles creates the group
    except DatabaseError:
        return []
    return [
        Warning(
            f"Only {count} active user(s) in the group '{WEBMASTERS}'; the hospital's announcement (§3.1) requires at least two.",
            hint="Add a second webmaster in the admin (Settings › Users) so one can stand in for the other.",
            id="publishing.W001",
        )
    ]
