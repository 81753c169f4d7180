"""Each piece of ITA evidence judged for a fiscal year: can the public open it, is it still in force."""

import re
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import CollectionViewRestriction, Page

from home import compliance, thai_dates

# MOIT 2 note (spec §1.1): infographics need no publication form.
INFOGRAPHIC_RE = re.compile(r"อินโฟกราฟ|infographic", re.IGNORECASE)


LABEL_CODE_RE = re.compile(r"^\s*(\d+(?:\.\d+)*)")


@dataclass
class EvidenceCheck:
    """One evidence row judged for one fiscal year."""

    row: object
    label: str
    kind: str  # "page", "document", "url"
    url: str = ""  # public address (relative for pages and documents)
    target: object = None
    public: bool = True  # may the public see the link at all
    state: str = "ok"  # ok, not_public, stale, expired, broken
    note: str = ""
    edit_url: str = ""
    form: str = "n/a"  # "yes", "no", "not_needed", "imported", "n/a"
    form_url: str = ""
    code: str = ""  # the sub-item code the label starts with, e.g. "2.10"

    @property
    def valid(self):
        return self.state == "ok"

    @property
    def period_label(self):
        return self.row.period_label


def period_window(item, slot, single):
    """Dates the evidence's data period must touch for ``slot``."""
    if not single:
        return slot.start, slot.end
    fy_start, _fy_end = thai_dates.fiscal_year_range(item.fiscal_year)
    return fy_start.replace(year=fy_start.year - 1), slot.end


def _evidence_dates(ev):
    """(period start, period end, published date) of the evidence target, each possibly None."""
    target = ev.target
    if target is None:
        return None, None, None
    start = getattr(target, "period_start", None)
    end = getattr(target, "period_end", None)
    if ev.kind == "page":
        published = target.first_published_at
    else:
        published = getattr(target, "created_at", None)
    if published is not None:
        published = timezone.localtime(published).date() if timezone.is_aware(published) else published.date()
    return start, end, published


def _always_current(target):
    """Pages that show the system's own live data (the online complaint form, its statistics, the Q&A,
    the survey results) declare ``live_data = True``: they answer every period whenever they were published."""
    model = getattr(target, "specific_class", None) or type(target)
    return bool(getattr(model, "live_data", False))


def judge_dates(ev, window):
    """Mark ``ev`` stale when its data period or publish date falls outside ``window`` (returns a copy)."""
    if ev.state != "ok" or (ev.target is not None and _always_current(ev.target)):
        return ev
    start, end, published = _evidence_dates(ev)
    lo, hi = window
    stale = False
    if start is not None:
        stale = start > hi or (end is not None and end < lo)
    elif published is not None:
        stale = published < lo
    if not stale:
        return ev
    copy = EvidenceCheck(**{**ev.__dict__})
    copy.state = "stale"
    if start is not None:
        copy.note = _("Its data period (%(period)s) does not cover %(from)s – %(to)s.") % {
            "period": f"{thai_dates.thai_date(start, short=True)} – "
            + (thai_dates.thai_date(end, short=True) if end else "…"),
            "from": thai_dates.thai_date(lo, short=True),
            "to": thai_dates.thai_date(hi, short=True),
        }
    else:
        copy.note = _("Published on %(date)s, before the period it should cover.") % {
            "date": thai_dates.thai_date(published, short=True)
        }
    return copy


def _public_page_ids(ids):
    return set(Page.objects.filter(pk__in=ids).live().public().values_list("pk", flat=True))


def _private_collection_ids():
    restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    paths = list(restricted)
    if not paths:
        return set()
    from wagtail.models import Collection

    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return set(Collection.objects.filter(query).values_list("pk", flat=True))


def _form_state(label, page):
    if INFOGRAPHIC_RE.search(label or ""):
        return "not_needed", ""
    if page is None:
        return "n/a", ""
    url = compliance.request_form_url(page)
    if not url and compliance.was_imported(page):
        return "imported", ""  # published on the former website: no form here, and none is pretended
    return ("yes" if url else "no"), url


def check_evidence(ita_page, rows, today):
    """EvidenceCheck for each ITAEvidence row: can the public open it, and is it still in force."""
    page_ids = [row.linked_page_id for row in rows if row.linked_page_id]
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids).specific()} if page_ids else {}
    public_ids = _public_page_ids(page_ids) if page_ids else set()
    private_collections = _private_collection_ids() if any(row.document_id for row in rows) else set()
    checks = []
    for row in rows:
        code_match = LABEL_CODE_RE.match(row.label or "")
        code = code_match.group(1) if code_match else ""
        if row.linked_page_id and row.linked_page_id in pages:
            page = pages[row.linked_page_id]
            ev = EvidenceCheck(
                row,
                row.label,
                "page",
                url=page.url or "",
                target=page,
                code=code,
                edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
            if page.pk not in public_ids:
                ev.state, ev.public = "not_public", False
                ev.note = _("The linked page is not published or not public, so the public cannot open it.")
            elif page.expire_at and page.expire_at <= timezone.now():
                ev.state = "expired"
                ev.note = _("The linked page's publication period has ended.")
            ev.form, ev.form_url = _form_state(row.label, page)
        elif row.document_id and row.document is not None:
            doc = row.document
            ev = EvidenceCheck(
                row,
                row.label,
                "document",
                url=doc.url,
                target=doc,
                code=code,
                edit_url=reverse("wagtaildocs:edit", args=[doc.pk]),
            )
            if doc.collection_id in private_collections:
                ev.state, ev.public = "not_public", False
                ev.note = _("The file is in a private collection, so the public cannot open it.")
            # Files placed on the ITA page are published through the ITA page's own approval.
            ev.form, ev.form_url = _form_state(row.label, ita_page)
        elif row.url:
            ev = EvidenceCheck(row, row.label, "url", url=row.url, code=code)
            ev.form = "not_needed" if INFOGRAPHIC_RE.search(row.label or "") else "n/a"
        else:
            ev = EvidenceCheck(row, row.label, "page", public=False, state="broken", code=code)
            ev.note = _("The page or file this evidence linked to has been deleted.")
        checks.append(ev)
    return checks
