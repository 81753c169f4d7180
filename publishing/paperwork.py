"""The paperwork the process prints, read from the records the process leaves (R2.7, R3.1).

A *publication* is either a Wagtail workflow that ran to the end (the submitter's request, the head's
approval and the webmaster's publication are its task states) or an urgent publication on verbal
approval (``UrgentPublication``, with the written approval that follows). Nothing is copied into a
table of our own: the request form and the reports are built from those records whenever they are
asked for, so they cannot disagree with the audit trail.

``request_form_data(record)`` is everything the publication request form shows; ``report_data(start,
end)`` everything the monthly (or, over a fiscal year, annual) report shows. Both are plain strings and
numbers, read by the admin page, the PDF and the spreadsheet alike (``publishing.exports``).
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page, PageLogEntry, Site, TaskState, WorkflowState

from home import compliance, thai_dates
from home.models import ContactSettings, Department, HomePage, human_size

from .models import HeadReviewTask, UrgentPublication, WebmasterPublishTask
from .roles import DIRECTOR, WEBMASTERS, load_table
from .urgent import written_approval_due

WORKFLOW = "workflow"
URGENT = "urgent"
TAKEDOWN_ACTIONS = ("wagtail.unpublish", "wagtail.unpublish.scheduled")


def head_review_target():
    """The head's target time (R2.3: 30 minutes), the one the review-time report and reminders use."""
    return dt.timedelta(minutes=getattr(settings, "PUBLISHING_HEAD_REMINDER_MINUTES", 30))


def user_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _director_position():
    home = HomePage.objects.filter(depth=2).only("director_position").first()
    if home is not None and home.director_position:
        return home.director_position
    return _("Director of %(hospital)s") % {"hospital": _hospital_name()}


def _hospital_name():
    site = Site.objects.filter(is_default_site=True).first()
    return ContactSettings.for_site(site).hospital_name if site else ""


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

    director = _director_position() if DIRECTOR in group_names else ""
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


@dataclass
class Signatory:
    """One of the form's three blocks: who, in what position, when."""

    heading: str
    name: str = ""
    position: str = ""
    at: object = None
    lines: list = field(default_factory=list)  # further facts, e.g. the verbal and written approvals

    @property
    def at_label(self):
        return thai_dates.thai_datetime(self.at, short=False) if self.at else ""


@dataclass
class PublicationRecord:
    """One publication of one page: a completed workflow, or an urgent publication."""

    kind: str
    pk: int
    page: object
    revision: object
    requested_at: object
    submitter: object = None
    approver: object = None
    approved_at: object = None
    publisher: object = None
    published_at: object = None
    go_live_at: object = None
    urgent: object = None

    @property
    def url(self):
        return reverse("publishing_request_form_record", args=[self.page.pk, self.kind, self.pk])

    @property
    def people(self):
        users = [self.submitter, self.approver, self.publisher]
        if self.urgent is not None:
            users += [self.urgent.verbal_approver, self.urgent.written_approved_by]
        return [u for u in users if u is not None]


def _task_types():
    return (
        ContentType.objects.get_for_model(HeadReviewTask),
        ContentType.objects.get_for_model(WebmasterPublishTask),
    )


def _latest_approved(states, content_type):
    approved = [
        s for s in states if s.task.content_type_id == content_type.pk and s.status == TaskState.STATUS_APPROVED
    ]
    return max(approved, key=lambda s: s.finished_at) if approved else None


def _workflow_record(state, page):
    head_ct, web_ct = _task_types()
    states = list(state.task_states.all())
    head = _latest_approved(states, head_ct)
    web = _latest_approved(states, web_ct)
    if web is None:
        return None
    return PublicationRecord(
        kind=WORKFLOW,
        pk=state.pk,
        page=page,
        revision=web.revision,
        requested_at=state.created_at,
        submitter=state.requested_by,
        approver=head.finished_by if head else None,
        approved_at=head.finished_at if head else None,
        publisher=web.finished_by,
        published_at=web.finished_at,
        go_live_at=web.revision.approved_go_live_at if web.revision else None,
    )


def _urgent_record(urgent, page):
    revision = urgent.revision
    return PublicationRecord(
        kind=URGENT,
        pk=urgent.pk,
        page=page,
        revision=revision,
        # The item was in hand before anyone approved it, even when its last revision was saved afterwards.
        requested_at=min(revision.created_at, urgent.verbal_approved_at) if revision else urgent.verbal_approved_at,
        submitter=revision.user if revision and revision.user else None,
        approver=urgent.written_approved_by or urgent.verbal_approver,
        approved_at=urgent.written_approved_at or urgent.verbal_approved_at,
        publisher=urgent.published_by,
        published_at=urgent.published_at,
        urgent=urgent,
    )


def _page_states(page_ids):
    return (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in page_ids],
            status=WorkflowState.STATUS_APPROVED,
        )
        .select_related("requested_by")
        .prefetch_related("task_states__task", "task_states__revision", "task_states__finished_by")
    )


def records_for_page(page):
    """Every publication of ``page``, newest first."""
    page = page.specific
    records = [r for r in (_workflow_record(s, page) for s in _page_states([page.pk])) if r is not None]
    urgents = UrgentPublication.objects.filter(page_id=page.pk).select_related(
        "revision__user", "published_by", "verbal_approver", "written_approved_by"
    )
    records += [_urgent_record(u, page) for u in urgents]
    records.sort(key=lambda r: r.published_at, reverse=True)
    return records


def latest_record(page):
    records = records_for_page(page)
    return records[0] if records else None


def find_record(page, kind, pk):
    for record in records_for_page(page):
        if record.kind == kind and record.pk == pk:
            return record
    return None


def has_record(page):
    """Whether ``page`` has a publication (cheaper than ``latest_record``: for menus shown on every row)."""
    _head_ct, web_ct = _task_types()
    return (
        UrgentPublication.objects.filter(page_id=page.pk).exists()
        or WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            status=WorkflowState.STATUS_APPROVED,
            task_states__task__content_type=web_ct,
            task_states__status=TaskState.STATUS_APPROVED,
        ).exists()
    )


def can_download_form(user, page, record=None):
    """Who may print a page's request form: whoever can see the page in the admin, and its people."""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser or user.groups.filter(name__in=[WEBMASTERS, DIRECTOR]).exists():
        return True
    if record is not None and user in record.people:
        return True
    from wagtail.permission_policies.pages import PagePermissionPolicy

    # A permission on the page or a page above it; not Wagtail's "explorable" set, which also holds the
    # ancestors of the user's sections (the home page, for the staff of any section).
    return PagePermissionPolicy().user_has_any_permission_for_instance(user, {"add", "change", "publish", "lock"}, page)


def request_form_url(page):
    """For ``home.compliance``: the admin URL of the page's latest request form, or ""."""
    if page is None or not getattr(page, "pk", None):
        return ""
    return reverse("publishing_request_form", args=[page.pk]) if has_record(page) else ""


# -- what a page says about itself -------------------------------------------------------------------


def _section_categories():
    """(url_path prefix, category) pairs from the responsibility table, longest prefix first."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    root = site.root_page.url_path
    pairs = [(f"{root}{path.strip('/')}/", row.category) for row in load_table() for path in row.paths]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def category_of(page, categories=None):
    """The section (category of the responsibility table) a page is published in, or its parent's title."""
    for prefix, category in categories if categories is not None else _section_categories():
        if page.url_path.startswith(prefix):
            return category
    parent = page.get_parent()
    return parent.title if parent is not None and parent.depth > 2 else ""


def moit_of(page):
    """The MOIT item a page names, read generically (``moit_number``, ``moit_item``, ``moit_code``)."""
    for name in ("moit_number", "moit_item", "moit_code"):
        value = getattr(page, name, None)
        if value in (None, ""):
            continue
        if callable(value):
            value = value()
        text = str(value)
        return f"MOIT {text}" if re.fullmatch(r"\d+(\.\d+)*", text) else text
    return ""


def _files(page):
    files = []
    for block in getattr(page, "attachments", None) or []:
        document = block.value.get("document") if hasattr(block.value, "get") else None
        if document is None:
            continue
        extension = (getattr(document, "file_extension", "") or "").upper()
        size = getattr(document, "file_size", None)
        files.append(
            {
                "title": block.value.get("title") or document.title,
                "type": extension,
                "size": human_size(size) if size is not None else "",
            }
        )
    return files


def _links(page):
    links = []
    for f in page._meta.concrete_fields:
        if isinstance(f, models.URLField) and f.name != "url_path":
            value = getattr(page, f.name, "")
            if value:
                links.append(value)
    return links


def _public_url(page):
    from .notifications import public_url

    try:
        return public_url(page)
    except Exception:  # a page outside any site has no public address; the form still prints
        return ""


def _contact():
    site = Site.objects.filter(is_default_site=True).first()
    return ContactSettings.for_site(site) if site else None


def request_form_data(record):
    """Everything the publication request form shows, as printable strings."""
    page = record.page
    shown = page
    if record.revision is not None:
        try:
            shown = record.revision.as_object()
        except Exception:  # a revision of a changed page type: fall back to the page as it is
            shown = page
    unit = getattr(page, "owner_unit", None)
    contact = _contact()
    remarks = []
    category = category_of(page)
    if category:
        remarks.append(_("Category: %(category)s") % {"category": category})
    moit = moit_of(shown)
    if moit:
        remarks.append(_("ITA item: %(item)s") % {"item": moit})
    period = getattr(shown, "period_label", "")
    if period:
        remarks.append(_("Data period: %(period)s") % {"period": period})
    if getattr(shown, "source", ""):
        remarks.append(_("Source: %(source)s") % {"source": shown.source})
    if record.go_live_at:
        remarks.append(
            _("Scheduled to go live on %(date)s") % {"date": thai_dates.thai_datetime(record.go_live_at, short=False)}
        )
    approver = Signatory(_("Approver"))
    if record.urgent is not None:
        urgent = record.urgent
        remarks.append(_("Urgent publication on verbal approval (announcement §2, R2.6)"))
        approver.lines.append(
            _("Approved verbally by %(name)s on %(date)s")
            % {"name": user_name(urgent.verbal_approver), "date": thai_dates.thai_datetime(urgent.verbal_approved_at)}
        )
        if urgent.written_approved_at:
            approver.lines.append(
                _("Approved in writing by %(name)s on %(date)s")
                % {
                    "name": user_name(urgent.written_approved_by),
                    "date": thai_dates.thai_datetime(urgent.written_approved_at),
                }
            )
            approver.name = user_name(urgent.written_approved_by)
            approver.position = position_for(urgent.written_approved_by, "approver", unit)
            approver.at = urgent.written_approved_at
        else:
            approver.lines.append(_("Written approval not yet received"))
            approver.name = user_name(urgent.verbal_approver)
            approver.position = position_for(urgent.verbal_approver, "approver", unit)
            approver.at = urgent.verbal_approved_at
    else:
        approver.name = user_name(record.approver)
        approver.position = position_for(record.approver, "approver", unit)
        approver.at = record.approved_at
    return {
        "form_title": _("Request form for publishing information on the agency's website"),
        "basis": _(
            "Under the announcement of the Office of the Permanent Secretary, Ministry of Public Health, on "
            "guidelines for publishing information to the public on agencies' websites, B.E. 2561"
        ),
        "hospital_name": contact.hospital_name if contact else "",
        "parent_agency": contact.parent_agency if contact else "",
        "unit": unit.name if unit is not None else "",
        "request_date": thai_dates.thai_date(record.requested_at),
        "title": shown.title,
        "summary": getattr(shown, "intro", "") or getattr(shown, "search_description", ""),
        "files": _files(shown),
        "public_url": _public_url(page),
        "links": _links(shown),
        "remarks": remarks,
        "blocks": [
            Signatory(
                _("Information provider"),
                user_name(record.submitter),
                position_for(record.submitter, "provider", unit),
                record.requested_at,
            ),
            approver,
            Signatory(
                _("Publisher"),
                user_name(record.publisher),
                position_for(record.publisher, "publisher", unit),
                record.published_at,
            ),
        ],
        "reference": f"{record.kind}-{record.pk}",
        "printed": thai_dates.thai_datetime(timezone.now(), short=False),
        "basename": f"request-form-{page.pk}-{record.kind}-{record.pk}",
    }


# -- the monthly and annual report ------------------------------------------------------------------


class PeriodError(ValueError):
    """A month or fiscal year that cannot be read; the message is in Thai and English."""


_MONTH_RE = re.compile(r"^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*$")


def _be(year):
    """A year typed by a person: 2400 and later is Buddhist Era, earlier Common Era."""
    return year if year >= 2400 else year + thai_dates.BE_OFFSET


def parse_month(text):
    """ "2569-01" (BE) or "2026-01" (CE) → (CE year, month). Raises PeriodError."""
    match = _MONTH_RE.match(thai_dates.from_thai_digits(text or ""))
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        be = _be(year)
        if 1 <= month <= 12 and 2500 <= be <= 2700:
            return thai_dates.ce_year(be), month
    raise PeriodError(
        f"เดือนไม่ถูกต้อง: {text!r} ใช้รูปแบบ ปปปป-ดด เช่น 2569-01 (พ.ศ.) หรือ 2026-01 (ค.ศ.) / "
        f"Invalid month {text!r}: use YYYY-MM, e.g. 2569-01 (Buddhist Era) or 2026-01 (Common Era)."
    )


def parse_fiscal_year(text):
    """ "2569" (BE) or "2026" (CE, the year the fiscal year ends) → the BE fiscal year. Raises PeriodError."""
    value = thai_dates.from_thai_digits(str(text or "")).strip()
    if value.isdigit():
        be = _be(int(value))
        if 2500 <= be <= 2700:
            return be
    raise PeriodError(
        f"ปีงบประมาณไม่ถูกต้อง: {text!r} ใช้ปี พ.ศ. เช่น 2569 / "
        f"Invalid fiscal year {text!r}: use a Buddhist-Era year such as 2569."
    )


def month_range(year, month):
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def _aware_bounds(start, end):
    tz = timezone.get_current_timezone()
    low = timezone.make_aware(dt.datetime.combine(start, dt.time.min), tz)
    high = timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min), tz)
    return low, high


def duration_label(delta):
    """A time taken, in Thai: "20 นาที", "4 ชม. 5 นาที", "3 วัน" (the report and the review-times screen)."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return _("%(minutes)d min") % {"minutes": minutes}
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    return _("%(days)d days") % {"days": hours // 24}


def _yes_no(value):
    if value is None:
        return "—"
    return _("yes") if value else _("no")


def _within(value, low, high):
    return value is not None and low <= value < high


def report_data(start, end, today=None, annual=False, with_gaps=True):
    """Everything that happened in the publishing process between two dates (inclusive).

    Rows are the requests (workflows) and urgent publications with any step in the period; take-downs
    are listed apart; the counts count the steps that fell in the period.
    """
    today = today or timezone.localdate()
    low, high = _aware_bounds(start, end)
    head_ct, web_ct = _task_types()
    page_ct = ContentType.objects.get_for_model(Page)
    target = head_review_target()

    touched = TaskState.objects.filter(
        task__content_type__in=[head_ct, web_ct], finished_at__gte=low, finished_at__lt=high
    ).values_list("workflow_state_id", flat=True)
    states = list(
        WorkflowState.objects.filter(base_content_type=page_ct)
        .filter(
            models.Q(created_at__gte=low, created_at__lt=high, task_states__task__content_type__in=[head_ct, web_ct])
            | models.Q(pk__in=touched)
        )
        .distinct()
        .select_related("requested_by")
        .prefetch_related("task_states__task", "task_states__finished_by", "task_states__revision")
        .order_by("created_at", "pk")
    )
    urgents = list(
        UrgentPublication.objects.filter(
            models.Q(published_at__gte=low, published_at__lt=high)
            | models.Q(written_approved_at__gte=low, written_approved_at__lt=high)
        )
        .select_related("revision__user", "published_by", "verbal_approver", "written_approved_by")
        .order_by("published_at", "pk")
    )
    takedowns = list(
        PageLogEntry.objects.filter(action__in=TAKEDOWN_ACTIONS, timestamp__gte=low, timestamp__lt=high)
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    page_ids = {int(s.object_id) for s in states} | {u.page_id for u in urgents} | {e.page_id for e in takedowns}
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids).specific()}
    categories = _section_categories()
    counts = dict.fromkeys(("requested", "approved", "rejected", "published", "urgent", "taken_down"), 0)

    def describe(page):
        unit = getattr(page, "owner_unit", None) if page is not None else None
        category = category_of(page, categories) if page is not None else ""
        moit = moit_of(page) if page is not None else ""
        return unit.name if unit is not None else "", " · ".join(x for x in (category, moit) if x)

    rows = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is None:
            continue
        tstates = sorted(state.task_states.all(), key=lambda s: (s.started_at, s.pk))
        if _within(state.created_at, low, high):
            counts["requested"] += 1
        head_result = head_by = head_at = head_taken = head_met = ""
        head_late = False
        publisher = published_at = ""
        reasons = []
        title = page.title
        for ts in tstates:
            is_head = ts.task.content_type_id == head_ct.pk
            is_web = ts.task.content_type_id == web_ct.pk
            if not (is_head or is_web):
                continue
            if ts.revision is not None and ts.revision.content.get("title"):
                title = ts.revision.content["title"]
            in_period = _within(ts.finished_at, low, high)
            if ts.status == TaskState.STATUS_REJECTED:
                reasons.append(
                    _("%(step)s, %(name)s, %(date)s: %(reason)s")
                    % {
                        "step": _("Head review") if is_head else _("Webmaster publication"),
                        "name": user_name(ts.finished_by),
                        "date": thai_dates.thai_datetime(ts.finished_at),
                        "reason": ts.comment or "—",
                    }
                )
                counts["rejected"] += in_period
            if is_head and ts.status in (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED):
                head_result = _("approved") if ts.status == TaskState.STATUS_APPROVED else _("changes requested")
                head_by = user_name(ts.finished_by)
                head_at = thai_dates.thai_datetime(ts.finished_at)
                head_taken = duration_label(ts.finished_at - ts.started_at)
                head_late = ts.finished_at - ts.started_at > target
                head_met = _yes_no(not head_late)
                if ts.status == TaskState.STATUS_APPROVED:
                    counts["approved"] += in_period
            if is_web and ts.status == TaskState.STATUS_APPROVED:
                publisher = user_name(ts.finished_by)
                go_live = ts.revision.approved_go_live_at if ts.revision is not None else None
                published_at = thai_dates.thai_datetime(ts.finished_at)
                if go_live and go_live > ts.finished_at:
                    published_at += " " + _("(scheduled for %(date)s)") % {"date": thai_dates.thai_datetime(go_live)}
                counts["published"] += in_period
        if state.status == WorkflowState.STATUS_APPROVED:
            status = _("published")
        elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            status = _("changes requested")
        elif state.status == WorkflowState.STATUS_CANCELLED:
            status = _("cancelled")
        else:
            status = _("in progress")
        unit, category = describe(page)
        rows.append(
            {
                "sort": state.created_at,
                "requested_at": thai_dates.thai_datetime(state.created_at),
                "submitter": user_name(state.requested_by),
                "title": title,
                "unit": unit,
                "category": category,
                "head_result": head_result or _("awaiting review"),
                "head_by": head_by,
                "head_at": head_at,
                "head_taken": head_taken,
                "head_met": head_met or "—",
                "head_late": head_late,
                "reasons": reasons,
                "publisher": publisher,
                "published_at": published_at,
                "urgent": "",
                "written_met": "—",
                "status": status,
                "form_url": reverse("publishing_request_form_record", args=[page.pk, WORKFLOW, state.pk])
                if state.status == WorkflowState.STATUS_APPROVED
                else "",
            }
        )
    for urgent in urgents:
        page = pages.get(urgent.page_id)
        if page is None:
            continue
        published_in_period = _within(urgent.published_at, low, high)
        counts["urgent"] += published_in_period
        counts["published"] += published_in_period
        due = written_approval_due(urgent)
        if urgent.written_approved_at:
            written = _("approved in writing by %(name)s, %(date)s") % {
                "name": user_name(urgent.written_approved_by),
                "date": thai_dates.thai_datetime(urgent.written_approved_at),
            }
            written_met = _yes_no(urgent.written_approved_at <= due)
        else:
            written = _("written approval awaited (due %(date)s)") % {"date": thai_dates.thai_datetime(due)}
            written_met = _yes_no(False) if timezone.now() > due else "—"
        unit, category = describe(page)
        submitter = urgent.revision.user if urgent.revision is not None else None
        rows.append(
            {
                "sort": urgent.published_at,
                "requested_at": thai_dates.thai_datetime(urgent.verbal_approved_at),
                "submitter": user_name(submitter),
                "title": (urgent.revision.content.get("title") if urgent.revision else "") or page.title,
                "unit": unit,
                "category": category,
                "head_result": _("approved verbally"),
                "head_by": user_name(urgent.verbal_approver),
                "head_at": thai_dates.thai_datetime(urgent.verbal_approved_at),
                "head_taken": "",
                "head_met": "—",
                "head_late": False,
                "reasons": [],
                "publisher": user_name(urgent.published_by),
                "published_at": thai_dates.thai_datetime(urgent.published_at),
                "urgent": written,
                "written_met": written_met,
                "status": _("published urgently"),
                "form_url": reverse("publishing_request_form_record", args=[page.pk, URGENT, urgent.pk]),
            }
        )
    rows.sort(key=lambda r: r["sort"])
    for number, row in enumerate(rows, start=1):
        row["number"] = number
        del row["sort"]

    down = []
    for entry in takedowns:
        page = pages.get(entry.page_id)
        unit, category = describe(page)
        counts["taken_down"] += 1
        down.append(
            {
                "title": page.title if page is not None else entry.label,
                "unit": unit,
                "category": category,
                "at": thai_dates.thai_datetime(entry.timestamp),
                "by": user_name(entry.user) if entry.user else _("the system, when its publication period ended"),
                "scheduled": entry.action == "wagtail.unpublish.scheduled",
            }
        )

    fy = thai_dates.fiscal_year(end)
    as_of = min(end, today)
    gaps = [
        {"code": g.code, "title": g.title, "period": g.period, "status": g.status_label}
        for g in (compliance.gaps(fy, as_of) if with_gaps else [])
    ]
    contact = _contact()
    if annual:
        period_label = _("Fiscal year B.E. %(year)s (%(start)s – %(end)s)") % {
            "year": fy,
            "start": thai_dates.thai_date(start),
            "end": thai_dates.thai_date(end),
        }
        title = _("Report on the monitoring of information published on the agency's website")
        basename = f"publication-report-fy{fy}"
    else:
        period_label = _("Month of %(month)s") % {"month": thai_dates.thai_month_year(start)}
        title = _("Record of the results of publishing information on the website")
        basename = f"publication-report-{thai_dates.be_year(start)}-{start.month:02d}"
    count_labels = [
        ("requested", _("Requests received")),
        ("approved", _("Approved")),
        ("rejected", _("Sent back with a reason")),
        ("published", _("Published")),
        ("urgent", _("of which urgently, on verbal approval")),
        ("taken_down", _("Taken down")),
    ]
    data = {
        "title": title,
        "period_label": period_label,
        "hospital_name": contact.hospital_name if contact else "",
        "agency": " ".join(p for p in ((contact.hospital_name, contact.parent_agency) if contact else ()) if p),
        "counts": counts,
        "count_rows": [(label, counts[key]) for key, label in count_labels],
        "rows": rows,
        "takedowns": down,
        "gaps": gaps,
        "gaps_heading": _("ITA (MOIT) evidence still missing for fiscal year %(year)s, as of %(date)s")
        % {"year": fy, "date": thai_dates.thai_date(as_of)},
        "target_note": _(
            "Targets: the head reviews within %(minutes)d minutes (R2.3); the written approval of an urgent "
            "publication follows within %(days)d working days (R2.6)."
        )
        % {
            "minutes": int(head_review_target().total_seconds() // 60),
            "days": getattr(settings, "PUBLISHING_WRITTEN_APPROVAL_WORKING_DAYS", 3),
        },
        "signatures": [
            {"role": _("Reported by"), "position": _("Webmaster officer")},
            {"role": _("Acknowledged by"), "position": _director_position()},
        ],
        "generated": _("Printed on %(date)s") % {"date": thai_dates.thai_datetime(timezone.now(), short=False)},
        "basename": basename,
        "months": [],
        "annual": annual,
    }
    return data


def monthly_report(year, month, today=None):
    start, end = month_range(year, month)
    return report_data(start, end, today=today)


def annual_report(fy, today=None):
    """The MOIT 1.2 report: the fiscal year's twelve months, October first, with a line per month."""
    start, end = thai_dates.fiscal_year_range(fy)
    data = report_data(start, end, today=today, annual=True)
    for year, month in thai_dates.fiscal_months(fy):
        first, last = month_range(year, month)
        if first > (today or timezone.localdate()):
            counts = dict.fromkeys(data["counts"], 0)
        else:
            counts = _month_counts(first, last)
        data["months"].append({"label": thai_dates.thai_month_year(first), "counts": counts})
    return data


def _month_counts(start, end):
    """Only the counts of a month (for the annual report's line per month)."""
    return report_data(start, end, with_gaps=False)["counts"]


def report_recipients():
    """Heads of every unit and the webmasters: who receives the monthly report (R3.1)."""
    User = get_user_model()
    users = User.objects.filter(is_active=True).filter(
        models.Q(groups__head_of__isnull=False) | models.Q(groups__name=WEBMASTERS)
    )
    return sorted({u.email for u in users.exclude(email="")})
