"""People on the paperwork: names, the positions printed under them, who receives the report."""

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext as _

from wagtail.models import Site

from home.models import ContactSettings, Department, HomePage
from home.roles import DIRECTOR, WEBMASTERS


def user_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def director_position():
    home = HomePage.objects.filter(depth=2).only("director_position").first()
    if home is not None and home.director_position:
        return home.director_position
    return _("Director of %(hospital)s") % {"hospital": _hospital_name()}


def _hospital_name():
    contact = hospital_contact()
    return contact.hospital_name if contact else ""


def hospital_contact():
    """The contact settings of the default site (hospital name, parent agency), or None."""
    site = Site.objects.filter(is_default_site=True).first()
    return ContactSettings.for_site(site) if site else None


def position_for(user, role, unit=None):
    """The position printed under a person's name, from their role in the hospital's groups.

    ``role`` is the block being printed ("provider", "approver" or "publisher"), so a head who also
    edits is printed as head when approving and as staff of the unit when providing information.
    """
    if user is None:
        return ""
    group_names = set(user.groups.values_list("name", flat=True))
    headed = list(Department.objects.filter(head_group__user=user).distinct())
    edited = list(Department.objects.filter(editor_group__user=user).distinct())

    def pick(departments):
        for department in departments:
            if unit is not None and department.pk == unit.pk:
                return department
        return departments[0] if departments else None

    def head():
        department = pick(headed)
        return _("Head of %(unit)s") % {"unit": department.name} if department else ""

    def staff():
        department = pick(edited)
        return _("Staff of %(unit)s") % {"unit": department.name} if department else ""

    director = director_position() if DIRECTOR in group_names else ""
    webmaster = _("Webmaster officer") if WEBMASTERS in group_names else ""
    admin = _("System administrator") if user.is_superuser else ""
    order = {
        "provider": (staff, head, lambda: webmaster, lambda: director, lambda: admin),
        "approver": (lambda: director, head, lambda: webmaster, staff, lambda: admin),
        "publisher": (lambda: webmaster, lambda: director, head, staff, lambda: admin),
    }[role]
    for candidate in order:
        text = candidate()
        if text:
            return text
    return ""


def report_recipients():
    """Heads of every unit and the webmasters: who receives the monthly report (R3.1)."""
    User = get_user_model()
    users = User.objects.filter(is_active=True).filter(
        models.Q(groups__head_of__isnull=False) | models.Q(groups__name=WEBMASTERS)
    )
    return sorted({u.email for u in users.exclude(email="")})
