"""Complaint handling rules shared by the public pages, the admin and the demo.

- **Tracking codes** are 12 random characters in three groups of four (``7KQ4-M9XP-3RTA``) from an
  alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 8/B, 2/Z): about 10¹⁷ codes, so a code cannot
  be guessed, yet it is easy to read aloud on the telephone and to type.
- **Who sees what**: corruption complaints only the members of the restricted group
  (``CORRUPTION_GROUP``) — superusers, the director, webmasters and heads included only if they are
  members; service complaints whoever holds ``eservices.handle_service_complaints`` (the complaint
  centre's group ``SERVICE_GROUP``, superusers).
- **Time limits**: acknowledged within ``COMPLAINTS_ACKNOWLEDGE_WORKING_DAYS`` working days (3),
  resolved within ``COMPLAINTS_RESOLVE_DAYS`` days (30); both are settings.
- **Records**: every change of state, assignment, note and response is a ``ComplaintEvent``; every
  view, export and attachment download by staff is a ``ComplaintAccessLog``.
"""

import datetime as dt
import hashlib
import re
import secrets

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from home.thai_dates import add_working_days

CORRUPTION_GROUP = "คณะทำงานรับเรื่องร้องเรียนการทุจริต"
SERVICE_GROUP = "ศูนย์รับเรื่องร้องเรียน"
SERVICE_PERMISSION = "eservices.handle_service_complaints"

CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4
_CODE_RE = re.compile(r"^[%s]{4}-[%s]{4}-[%s]{4}$" % ((CODE_ALPHABET,) * 3))


def new_tracking_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    return "-".join(raw[i : i + CODE_GROUP_LENGTH] for i in range(0, len(raw), CODE_GROUP_LENGTH))


def normalise_code(text):
    """What the person typed, in the stored form: upper case, spaces and dashes ignored.

    Returns "" when it cannot be a code, so a lookup never reaches the database with junk.
    """
    raw = re.sub(r"[\s\-–—_.]", "", (text or "").upper())
    if len(raw) != CODE_GROUPS * CODE_GROUP_LENGTH:
        return ""
    code = "-".join(raw[i : i + CODE_GROUP_LENGTH] for i in range(0, len(raw), CODE_GROUP_LENGTH))
    return code if _CODE_RE.match(code) else ""


def notice_version(text):
    """A short fingerprint of the privacy notice a person acknowledged (PDPA consent record)."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:16]


# -- time limits ---------------------------------------------------------------------------------


def acknowledge_working_days():
    return getattr(settings, "COMPLAINTS_ACKNOWLEDGE_WORKING_DAYS", 3)


def resolve_days():
    return getattr(settings, "COMPLAINTS_RESOLVE_DAYS", 30)


def acknowledge_due(received_at):
    return add_working_days(timezone.localtime(received_at), acknowledge_working_days())


def resolve_due(received_at):
    return received_at + dt.timedelta(days=resolve_days())


# -- who sees what -------------------------------------------------------------------------------


def in_corruption_group(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.groups.filter(name=CORRUPTION_GROUP).exists()


def handles_service(user):
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(SERVICE_PERMISSION))


def visible_kinds(user):
    """The kinds of complaint ``user`` may see: a subset of ("service", "corruption")."""
    kinds = []
    if handles_service(user):
        kinds.append("service")
    if in_corruption_group(user):
        kinds.append("corruption")
    return kinds


def visible_complaints(user, queryset=None):
    from eservices.models import Complaint

    queryset = Complaint.objects.all() if queryset is None else queryset
    return queryset.filter(kind__in=visible_kinds(user))


def can_see(user, complaint):
    return complaint.kind in visible_kinds(user)


def handlers_of(kind):
    """Active staff who handle complaints of ``kind`` and have an e-mail address."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if kind == "corruption":
        users = User.objects.filter(groups__name=CORRUPTION_GROUP)
    else:
        users = User.objects.filter(groups__name=SERVICE_GROUP)
    return list(users.filter(is_active=True).exclude(email="").distinct())


def setup_complaint_groups(using="default"):
    """Create the two complaint groups with their permissions (idempotent).

    Runs after every ``migrate`` (post_migrate) and from the demo loader; it never changes who is a
    member. The restricted group handles corruption complaints only; the complaint centre handles
    service complaints and answers the public's questions (feedback).
    """
    from django.contrib.auth.models import Permission

    def perms(*codenames):
        return list(Permission.objects.using(using).filter(codename__in=codenames))

    admin_access = perms("access_admin")
    corruption, _ = Group.objects.using(using).get_or_create(name=CORRUPTION_GROUP)
    corruption.permissions.add(*admin_access, *perms("add_complaint", "change_complaint", "view_complaint"))
    service, _ = Group.objects.using(using).get_or_create(name=SERVICE_GROUP)
    service.permissions.add(
        *admin_access,
        *perms(
            "handle_service_complaints", "add_complaint", "change_complaint", "view_complaint",
            "change_feedback", "view_feedback",
        ),
    )  # fmt: skip
    return corruption, service


def _post_migrate(sender, app_config=None, using="default", apps=None, **kwargs):
    if getattr(sender, "label", None) != "eservices":
        return
    from django.contrib.auth.management import create_permissions

    # Django creates permissions in its own post_migrate handler, which may run after this one.
    create_permissions(sender, verbosity=0, using=using)
    setup_complaint_groups(using=using)
