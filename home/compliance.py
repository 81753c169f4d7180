"""Where cross-cutting readers ask "what evidence is missing or due?" without importing a category app.

The ITA/MOIT checklist lives in ``disclosure``; the publication reports and the monthly e-mail live in
``publishing``; category apps never import each other (DESIGN.md). So ``disclosure`` registers a
provider here in its ``AppConfig.ready`` and ``publishing`` asks through this module. With no provider
registered (an installation without ``disclosure``) the answers are empty lists.

A provider is an object with two methods, both returning lists of :class:`Gap`:

``gaps(fiscal_year, today)``
    Every MOIT slot of that fiscal year whose status is not complete on ``today``
    (missing, due soon, overdue, out of date), and failed website-completeness checks.
``due_between(start, end, today)``
    The slots whose due period ends between the two dates (inclusive) and that are not complete yet:
    "what is due next month" in the monthly e-mail.

The other way round, the ITA dashboard shows whether each piece of evidence has its publication request
form, which ``publishing`` prints from the workflow record: ``publishing`` registers a function with
``register_request_form(func)``; ``request_form_url(page)`` returns the admin URL of that page's form PDF,
or "" when the page has no publication record (it was never approved through the process).

Pages brought in from the hospital's former website (the ``importer`` app) went through no workflow here, and
must not look as if one ran. The importer writes one audit-log entry with the action ``IMPORTED_ACTION`` on
each page it creates or updates, inside ``importing()`` (which tells publication e-mails to stay quiet);
readers recognise such pages with ``was_imported(page)`` or by that action in ``PageLogEntry``: the monthly
report lists them as "imported from the former system", the ITA dashboard says so instead of "no form".
"""

import contextlib
import contextvars
from dataclasses import dataclass, field

IMPORTED_ACTION = "home.imported"

STATUS_MISSING = "missing"
STATUS_DUE_SOON = "due_soon"
STATUS_OVERDUE = "overdue"
STATUS_OUT_OF_DATE = "out_of_date"
STATUS_COMPLETE = "complete"


@dataclass(frozen=True)
class Gap:
    """One slot that needs attention. Text fields are already in Thai, ready to print."""

    code: str  # "MOIT 9", or a completeness check's key such as "contact"
    title: str  # the item's title as in that year's manual, or the check's name
    period: str  # "ไตรมาสที่ 2 ปีงบประมาณ 2569", "มกราคม 2569", or "" for standing checks
    status: str  # one of the STATUS_* constants
    status_label: str  # Thai label of the status
    due: object = None  # datetime.date the slot is due, when it has one
    fix_url: str = ""  # admin URL where the gap is fixed (relative, e.g. /admin/pages/12/add_subpage/)
    notes: list = field(default_factory=list)


_providers = []


def register(provider):
    """Add a provider (see the module docstring); registering the same object twice is harmless."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def gaps(fiscal_year, today):
    return [gap for provider in _providers for gap in provider.gaps(fiscal_year, today)]


def due_between(start, end, today):
    return [gap for provider in _providers for gap in provider.due_between(start, end, today)]


_request_form_sources = []


def register_request_form(func):
    """``func(page) -> str``: the admin URL of the page's publication request form, or ""."""
    if func not in _request_form_sources:
        _request_form_sources.append(func)
    return func


def request_form_url(page):
    for func in _request_form_sources:
        url = func(page)
        if url:
            return url
    return ""


_importing = contextvars.ContextVar("importing", default=False)


@contextlib.contextmanager
def importing():
    """While the former site's content is imported: publications are not news to their owners."""
    token = _importing.set(True)
    try:
        yield
    finally:
        _importing.reset(token)


def is_importing():
    return _importing.get()


def was_imported(page):
    """Whether ``page`` came from the former website (an ``IMPORTED_ACTION`` entry in its audit log)."""
    if page is None or not getattr(page, "pk", None):
        return False
    from wagtail.models import PageLogEntry

    return PageLogEntry.objects.filter(page_id=page.pk, action=IMPORTED_ACTION).exists()
