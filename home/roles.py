"""The hospital's staff group names, declared once for every app.

``publishing.setup_roles`` creates the publishing groups from the responsibility table and
``eservices`` creates the complaint groups; everyone else (ITA dashboard, reports, survey results,
demo) reads the names from here instead of spelling them again.
"""

WEBMASTERS = "ผู้ดูแลเว็บไซต์"
DIRECTOR = "ผู้อำนวยการ"
EDITORS_SUFFIX = " · ผู้ให้ข้อมูล"
HEADS_SUFFIX = " · หัวหน้า"
# R1.9: the complaint centre handles service complaints; only the corruption working group sees
# corruption complaints (not superusers, the director or webmasters unless they are members).
COMPLAINT_CENTRE = "ศูนย์รับเรื่องร้องเรียน"
CORRUPTION_WORKING_GROUP = "คณะทำงานรับเรื่องร้องเรียนการทุจริต"


def editors_group_name(department_name):
    """The editors' (ผู้ให้ข้อมูล) group of a unit."""
    return f"{department_name}{EDITORS_SUFFIX}"


def heads_group_name(department_name):
    """The heads' (หัวหน้า) group of a unit."""
    return f"{department_name}{HEADS_SUFFIX}"


def in_groups(user, *names):
    """True when the active user belongs to any of the named groups (superusers are not implied)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.groups.filter(name__in=names).exists()
