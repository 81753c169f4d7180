"""Complaint handling rules shared by the models, the public pages, the admin and the demo.

- **Who sees what**: corruption complaints only the members of ``home.roles.CORRUPTION_WORKING_GROUP``
  — superusers, the director, webmasters and heads included only if they are members; service
  complaints whoever holds ``eservices.handle_service_complaints`` (the complaint centre's group
  ``home.roles.COMPLAINT_CENTRE``, superusers).
- **Time limits**: acknowledged within ``settings.COMPLAINTS_ACKNOWLEDGE_WORKING_DAYS`` working days,
  resolved within ``settings.COMPLAINTS_RESOLVE_DAYS`` days.
- **Records**: every change of state, assignment, note and response is a ``ComplaintEvent``; every
  view, export and attachment download by staff is a ``ComplaintAccessLog``.

This module imports no model of its own app, so the models may use it.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from home.roles import COMPLAINT_CENTRE, CORRUPTION_WORKING_GROUP, in_groups
from home.thai_dates import add_working_days

SERVICE_PERMISSION = "eservices.handle_service_complaints"


# -- time limits ---------------------------------------------------------------------------------


def acknowledge_due(received_at):
    return add_working_days(timezone.localtime(received_at), settings.COMPLAINTS_ACKNOWLEDGE_WORKING_DAYS)


def resolve_due(received_at):
    return received_at + dt.timedelta(days=settings.COMPLAINTS_RESOLVE_DAYS)


# -- who sees what -------------------------------------------------------------------------------


def in_corruption_group(user):
    return in_groups(user, CORRUPTION_WORKING_GROUP)


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


def visible_complaints(user, queryset):
    """The complaints of ``queryset`` that ``user`` may see."""
    return queryset.filter(kind__in=visible_kinds(user))


def can_see(user, complaint):
    return complaint.kind in visible_kinds(user)


def handlers_of(kind):
    """Active staff who handle complaints of ``kind`` and have an e-mail address."""
    group = CORRUPTION_WORKING_GROUP if kind == "corruption" else COMPLAINT_CENTRE
    users = get_user_model().objects.filter(groups__name=group, is_active=True).exclude(email="")
    return list(users.distinct())


# -- groups --------------------------------------------------------------------------------------


def setup_complaint_groups(using="default"):
    """Create the two complaint groups with their permissions (idempotent).

    Runs after every ``migrate`` (post_migrate) and from the demo loader; it never changes who is a
    member. The restricted group handles corruption complaints only; the complaint centre handles
    service complaints and answers the public's questions (feedback).
    """

    def perms(*codenames):
        return list(Permission.objects.using(using).filter(codename__in=codenames))

    admin_access = perms("access_admin")
    corruption, _ = Group.objects.using(using).get_or_create(name=CORRUPTION_WORKING_GROUP)
    corruption.permissions.add(*admin_access, *perms("add_complaint", "change_complaint", "view_complaint"))
    service, _ = Group.objects.using(using).get_or_create(name=COMPLAINT_CENTRE)
    service.permissions.add(
        *admin_access,
        *perms(
            "handle_service_complaints",
            "add_complaint",
            "change_complaint",
            "view_complaint",
            "change_feedback",
            "view_feedback",
        ),
    )
    return corruption, service


def setup_groups_after_migrate(sender, app_config=None, using="default", apps=None, **kwargs):
    """post_migrate receiver of the eservices app (connected in ``EservicesConfig.ready``)."""
    from django.contrib.auth.management import create_permissions

    # Django creates permissions in its own post_migrate handler, which may run after this one.
    create_permissions(sender, verbosity=0, using=using)
    setup_complaint_groups(using=using)
