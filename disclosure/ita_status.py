"""The ITA/MOIT status of a fiscal year: for every MOIT item and due period, is the evidence there?

One place computes what the admin dashboard, the public ITA page, the exports and the compliance
provider (``home.compliance``) show, so they never disagree. Rules (README "ITA/MOIT dashboard"):

* Each item's due periods come from ``MoitItem.due_periods()``: 12 months, 4 quarters, the quarters of
  a yearly or half-yearly item, or the period up to a fixed date.
* Evidence (``ITAEvidence`` rows of the fiscal year's published ITA page) answers a period when it is
  tagged with that month, or with that quarter (or a month of it). Evidence without a period answers an
  item with a single period; for items with several periods it is listed as standing evidence only.
* Evidence counts only when the public can open it: its page is live, public and not expired; its
  document is not in a private collection. Evidence whose data period does not cover the period it
  answers (for single-period items: the fiscal year or the year before it, which MOIT 1.2, 3 and 7 report
  on), or that was published before that window, is *out of date*.
* A period without valid evidence is *overdue* after its due day, *due soon* within N days of it
  (setting ``ITA_DUE_SOON_DAYS``, default 30), *missing* while it runs, and *not yet due* before it starts.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import CollectionViewRestriction, Page

from home import compliance, thai_dates

from .models import ITAIndexPage, ITAYearPage, MoitItem

NOT_DUE = "not_due"
STATUS_LABELS = {
    compliance.STATUS_MISSING: gettext_lazy("Missing"),
    compliance.STATUS_DUE_SOON: gettext_lazy("Due soon"),
    compliance.STATUS_OVERDUE: gettext_lazy("Overdue"),
    compliance.STATUS_OUT_OF_DATE: gettext_lazy("Out of date"),
    compliance.STATUS_COMPLETE: gettext_lazy("Complete"),
    NOT_DUE: gettext_lazy("Not yet due"),
}
# Worst first: the item's overall status is the worst status among its periods.
SEVERITY = [
    compliance.STATUS_OVERDUE,
    compliance.STATUS_OUT_OF_DATE,
    compliance.STATUS_DUE_SOON,
    compliance.STATUS_MISSING,
]
GAP_STATUSES = set(SEVERITY)
# MOIT 2 note (spec §1.1): infographics need no publication form.
INFOGRAPHIC_RE = re.compile(r"อินโฟกราฟ|infographic", re.IGNORECASE)
LABEL_CODE_RE = re.compile(r"^\s*(\d+(?:\.\d+)*)")

# Where pages that answer an item are added: (app_label, model) of the section's index page type.
# Items not listed are answered by files uploaded to the ITA year page itself (memos, orders, reports).
SECTION_FOR_ITEM = {
    2: ("disclosure", "actionplanindexpage"),
    3: ("procurement", "procurementanalysisindexpage"),
    4: ("procurement", "procurementplanindexpage"),
    5: ("procurement", "monthlysummaryindexpage"),
    9: ("disclosure", "complaintprocedureindexpage"),
    10: ("disclosure", "complaintreportindexpage"),
    20: ("disclosure", "newsindexpage"),
}

WEBMASTER_GROUP = getattr(settings, "ITA_WEBMASTER_GROUP", "ผู้ดูแลเว็บไซต์")
DIRECTOR_GROUP = getattr(settings, "ITA_DIRECTOR_GROUP", "ผู้อำนวยการ")


def due_soon_days():
    return int(getattr(settings, "ITA_DUE_SOON_DAYS", 30))


# -- who may see it ------------------------------------------------------------------------------


def dashboard_access(user):
    """ "full" (director, webmasters, superuser), "read" (heads of groups) or None (refused: editors, others).

    Everyone admitted sees the same statuses; each fix link is shown only to users who may act on its
    target (``FixLink.allowed``), so a head sees links into their own sections and the director, who
    approves but does not edit, sees none.
    """
    if not (user and user.is_authenticated and user.is_active):
        return None
    if user.is_superuser or user.groups.filter(name__in=[WEBMASTER_GROUP, DIRECTOR_GROUP]).exists():
        return "full"
    if user.groups.filter(head_of__isnull=False).exists():
        return "read"
    return None


# -- evidence ------------------------------------------------------------------------------------


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
    form: str = "n/a"  # "yes", "no", "not_needed", "n/a"
    form_url: str = ""
    code: str = ""  # the sub-item code the label starts with, e.g. "2.10"

    @property
    def valid(self):
        return self.state == "ok"

    @property
    def period_label(self):
        return self.row.period_label


@dataclass
class Slot:
    label: str
    start: dt.date
    end: dt.date
    quarter: int = None
    month: int = None
    evidence: list = field(default_factory=list)
    status: str = compliance.STATUS_MISSING

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def public_evidence(self):
        return [ev for ev in self.evidence if ev.public]


@dataclass
class ItemStatus:
    item: MoitItem
    slots: list
    standing: list  # evidence of a multi-period item without a period
    evidence: list  # every check of the item
    sub_items: list  # [(code, text, covered)]
    status: str = compliance.STATUS_MISSING
    fix_links: list = field(default_factory=list)  # [(label, url)]

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def has_public_evidence(self):
        return any(ev.public for ev in self.evidence)

    @property
    def public_standing(self):
        return [ev for ev in self.standing if ev.public]

    @property
    def needs_attention(self):
        return self.status in GAP_STATUSES


def _period_window(item, slot, single):
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


def _judge_dates(ev, window):
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


def _slot_status(evidence, slot, today, soon):
    if any(ev.valid for ev in evidence):
        return compliance.STATUS_COMPLETE
    if any(ev.state in ("stale", "expired") for ev in evidence):
        return compliance.STATUS_OUT_OF_DATE
    if today > slot.end:
        return compliance.STATUS_OVERDUE
    if (slot.end - today).days <= soon:
        return compliance.STATUS_DUE_SOON
    if today < slot.start:
        return NOT_DUE
    return compliance.STATUS_MISSING


def _overall(slots):
    statuses = {slot.status for slot in slots}
    for status in SEVERITY:
        if status in statuses:
            return status
    if compliance.STATUS_COMPLETE in statuses:
        return compliance.STATUS_COMPLETE
    return NOT_DUE if statuses else compliance.STATUS_MISSING


# -- the report ----------------------------------------------------------------------------------


@dataclass
class YearReport:
    fiscal_year: int
    today: dt.date
    ita_page: object  # the ITAYearPage of the year, or None
    index_page: object  # the ITA section, or None
    items: list
    soon_days: int

    def groups(self):
        """[{"number", "title", "items": [ItemStatus]}] by indicator."""
        groups = []
        for status in self.items:
            item = status.item
            if not groups or groups[-1]["number"] != item.indicator:
                groups.append({"number": item.indicator, "title": item.indicator_title, "items": []})
            groups[-1]["items"].append(status)
        return groups

    def public_coverage(self):
        """(items with evidence the public can open, items of the year): never counts drafts."""
        return sum(1 for status in self.items if status.has_public_evidence), len(self.items)

    def counts(self):
        counts = {key: 0 for key in STATUS_LABELS}
        for status in self.items:
            for slot in status.slots:
                counts[slot.status] += 1
        return counts

    def count_rows(self):
        counts = self.counts()
        return [(key, STATUS_LABELS[key], counts[key]) for key in [*SEVERITY, compliance.STATUS_COMPLETE, NOT_DUE]]


def _ita_pages(fiscal_year):
    return ITAYearPage.objects.filter(fiscal_year=fiscal_year).order_by("-live", "pk")


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
            ev = EvidenceCheck(row, row.label, "page", url=page.url or "", target=page, code=code,
                               edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]))  # fmt: skip
            if page.pk not in public_ids:
                ev.state, ev.public = "not_public", False
                ev.note = _("The linked page is not published or not public, so the public cannot open it.")
            elif page.expire_at and page.expire_at <= timezone.now():
                ev.state = "expired"
                ev.note = _("The linked page's publication period has ended.")
            ev.form, ev.form_url = _form_state(row.label, page)
        elif row.document_id and row.document is not None:
            doc = row.document
            ev = EvidenceCheck(row, row.label, "document", url=doc.url, target=doc, code=code,
                               edit_url=reverse("wagtaildocs:edit", args=[doc.pk]))  # fmt: skip
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


@dataclass
class FixLink:
    """A link to where a gap is fixed; ``allowed(user)`` says whether that user may act there."""

    label: str
    url: str
    allowed: object

    def __iter__(self):  # (label, url) for templates and the provider
        return iter((self.label, self.url))


def page_can(page, action):
    def allowed(user):
        perms = page.permissions_for_user(user)
        return perms.can_edit() if action == "edit" else perms.can_add_subpage()

    return allowed


def has_perm(codename):
    return lambda user: user.has_perm(codename)


def _fix_links(item, status, ita_page, index_page, sections):
    links = []
    if ita_page is not None:
        url = reverse("wagtailadmin_pages:edit", args=[ita_page.pk])
        links.append(FixLink(_("Edit the ITA page"), url, page_can(ita_page, "edit")))
    elif index_page is not None:
        url = reverse("wagtailadmin_pages:add", args=["disclosure", "itayearpage", index_page.pk])
        links.append(FixLink(_("Add the ITA page of this fiscal year"), url, page_can(index_page, "add")))
    section = sections.get(item.number)
    if section is not None:
        url = reverse("wagtailadmin_pages:add_subpage", args=[section.pk])
        label = _("Add a page in “%(section)s”") % {"section": section.title}
        links.append(FixLink(label, url, page_can(section, "add")))
    seen = set()
    for ev in status.evidence:
        if ev.state != "ok" and ev.edit_url and ev.edit_url not in seen:
            seen.add(ev.edit_url)
            label = _("Edit “%(label)s”") % {"label": ev.label}
            if ev.kind == "page":
                allowed = page_can(ev.target, "edit")
            else:
                from wagtail.documents.permissions import permission_policy

                doc = ev.target
                allowed = lambda user, doc=doc: permission_policy.user_has_permission_for_instance(  # noqa: E731
                    user, "change", doc
                )
            links.append(FixLink(label, ev.edit_url, allowed))
    return links


def _sections():
    """The section index page answering each MOIT item, if the site has one."""
    from django.contrib.contenttypes.models import ContentType

    wanted = set(SECTION_FOR_ITEM.values())
    types = {
        (ct.app_label, ct.model): ct.pk
        for ct in ContentType.objects.filter(app_label__in={app for app, _m in wanted})
        if (ct.app_label, ct.model) in wanted
    }
    pages = {}
    for page in Page.objects.filter(content_type_id__in=types.values()).order_by("path"):
        pages.setdefault(page.content_type_id, page)
    return {number: pages.get(types.get(key)) for number, key in SECTION_FOR_ITEM.items() if pages.get(types.get(key))}


def year_report(fiscal_year, today=None, public=False, ita_page=None):
    """The status of every MOIT item of ``fiscal_year`` on ``today``.

    ``public=True`` reads only the live ITA page (what the public and assessors see); otherwise the
    ITA page of the year, live or not, so a draft year still shows its gaps to staff (its evidence counts
    once it is published). ``ita_page``: the page being served or previewed, with its own evidence rows.
    """
    today = today or timezone.localdate()
    soon = due_soon_days()
    if ita_page is not None:
        rows = list(ita_page.evidence.all())
    else:
        pages = _ita_pages(fiscal_year)
        if public:
            pages = pages.live().public()
        ita_page = pages.first()
        rows = list(ita_page.evidence.select_related("document")) if ita_page else []
        if ita_page is not None and not ita_page.live:
            rows = []  # evidence of an unpublished ITA page is not visible to anyone yet
    index_page = ITAIndexPage.objects.order_by("path").first()
    checks = check_evidence(ita_page, rows, today) if rows else []
    by_item = {}
    for ev in checks:
        by_item.setdefault(ev.row.moit_number, []).append(ev)
    sections = {} if public else _sections()
    statuses = []
    for item in MoitItem.objects.filter(fiscal_year=fiscal_year).order_by("number"):
        evidence = by_item.get(item.number, [])
        periods = item.due_periods()
        single = len(periods) == 1
        slots, used = [], set()
        for period in periods:
            slot = Slot(period["label"], period["start"], period["end"], period["quarter"], period["month"])
            window = _period_window(item, slot, single)
            for ev in evidence:
                row = ev.row
                if single:
                    matches = True
                elif slot.month:
                    matches = row.fiscal_month == slot.month
                else:
                    month_quarter = (
                        thai_dates.fiscal_quarter(dt.date(2000, row.fiscal_month, 1)) if row.fiscal_month else None
                    )
                    matches = slot.quarter in (row.fiscal_quarter, month_quarter)
                if matches:
                    used.add(id(ev))
                    slot.evidence.append(_judge_dates(ev, window))
            slot.status = _slot_status(slot.evidence, slot, today, soon)
            slots.append(slot)
        standing = [ev for ev in evidence if id(ev) not in used]
        covered_codes = {ev.code for ev in evidence if ev.valid and ev.code}
        sub_items = [
            (code, text, bool(code) and any(c == code or c.startswith(code + ".") for c in covered_codes))
            for code, text in item.sub_item_list()
        ]
        status = ItemStatus(item, slots, standing, evidence, sub_items)
        status.status = _overall(slots)
        if not public:
            status.fix_links = _fix_links(item, status, ita_page, index_page, sections)
        statuses.append(status)
    return YearReport(fiscal_year, today, ita_page, index_page, statuses, soon)


def available_years():
    """Fiscal years with MOIT items, newest first, always including the current one."""
    years = set(MoitItem.objects.values_list("fiscal_year", flat=True).distinct())
    years.add(thai_dates.current_fiscal_year())
    return sorted(years, reverse=True)


# -- website completeness (R3.4) -----------------------------------------------------------------


@dataclass
class Check:
    key: str
    title: str
    passed: bool
    explanation: str
    fix_url: str = ""
    fix_label: str = ""
    allowed: object = None  # allowed(user): may this user act at fix_url

    def user_may_fix(self, user):
        return bool(self.fix_url) and (user.is_superuser or (self.allowed is not None and self.allowed(user)))


def _site():
    from wagtail.models import Site

    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def _settings_url(model_name, site):
    if site is None:
        return ""
    return reverse("wagtailsettings:edit", args=["home", model_name, site.pk])


def _first_page(model):
    return model.objects.order_by("path").first()


def check_contact(site):
    from home.models import ContactSettings

    contact = ContactSettings.for_site(site) if site else None
    names = [
        (_("address"), bool(contact and contact.address)),
        (_("telephone"), bool(contact and contact.phone)),
        (_("fax"), bool(contact and contact.fax)),
        (_("e-mail"), bool(contact and contact.email)),
        (
            _("map"),
            bool(
                contact and ((contact.latitude is not None and contact.longitude is not None) or contact.map_image_id)
            ),
        ),
    ]
    missing = [name for name, ok in names if not ok]
    if missing:
        text = _("The contact block lacks: %(missing)s. MOIT 2.1.7 requires all five items.") % {
            "missing": ", ".join(str(m) for m in missing)
        }
    else:
        text = _("Address, telephone, fax, e-mail and map are all filled in (MOIT 2.1.7).")
    return Check("contact", _("Contact block complete (5 items)"), not missing, text,
                 _settings_url("contactsettings", site), _("Edit the contact information"),
                 has_perm("home.change_contactsettings"))  # fmt: skip


def check_executives():
    from .models import ExecutivesPage

    page = ExecutivesPage.objects.live().public().order_by("path").first()
    title = _("Executives complete (photo, name, position, telephone)")
    if page is None:
        draft = _first_page(ExecutivesPage)
        about = Page.objects.filter(slug="about", depth=3).first()
        if draft:
            url, allowed = reverse("wagtailadmin_pages:edit", args=[draft.pk]), page_can(draft, "edit")
        elif about:
            url = reverse("wagtailadmin_pages:add", args=["disclosure", "executivespage", about.pk])
            allowed = page_can(about, "add")
        else:
            url, allowed = "", None
        return Check("executives", title, False,
                     _("There is no published executives directory (MOIT 2.1.1)."), url,
                     _("Publish the executives directory"), allowed)  # fmt: skip
    executives = list(page.executives.all())
    incomplete = [
        ex.full_name or "?"
        for ex in executives
        if not (
            ex.photo_id and (ex.full_name or "").strip() and (ex.position or "").strip() and (ex.phone or "").strip()
        )
    ]
    url, allowed = reverse("wagtailadmin_pages:edit", args=[page.pk]), page_can(page, "edit")
    if not executives:
        text = _("The executives directory lists nobody.")
        return Check("executives", title, False, text, url, _("Edit the executives"), allowed)
    if incomplete:
        text = _("Missing photo, name, position or telephone for: %(names)s.") % {"names": ", ".join(incomplete)}
        return Check("executives", title, False, text, url, _("Edit the executives"), allowed)
    text = _("All %(count)d executives have a photo, full name, position and telephone (MOIT 2.1.1).") % {
        "count": len(executives)
    }
    return Check("executives", title, True, text, url, _("Edit the executives"), allowed)


def check_no_gift(site, fiscal_year):
    from home.models import HomePage

    home = HomePage.objects.filter(pk=site.root_page_id).first() if site else None
    home = home or HomePage.objects.first()
    title = _("No Gift Policy of fiscal year %(fy)s on the home page") % {"fy": fiscal_year}
    if home is None:
        return Check("no_gift", title, False, _("The site has no home page."))
    url, allowed = reverse("wagtailadmin_pages:edit", args=[home.pk]), page_can(home, "edit")
    has_file = bool(home.no_gift_image_id or home.no_gift_document_id)
    if home.live and home.no_gift_fiscal_year == fiscal_year and has_file:
        text = _("The home page shows the No Gift Policy announcement of %(fy)s (MOIT 12.1).") % {"fy": fiscal_year}
        return Check("no_gift", title, True, text, url, _("Edit the home page"), allowed)
    if home.no_gift_fiscal_year and home.no_gift_fiscal_year != fiscal_year:
        text = _("The home page shows the No Gift Policy of %(shown)s, not of %(fy)s (MOIT 12.1).") % {
            "shown": home.no_gift_fiscal_year,
            "fy": fiscal_year,
        }
    else:
        text = _("Add the No Gift Policy infographic or announcement of %(fy)s to the home page (MOIT 12.1).") % {
            "fy": fiscal_year
        }
    return Check("no_gift", title, False, text, url, _("Edit the home page"), allowed)


def check_news(fiscal_year):
    from .models import NewsIndexPage, NewsPage

    start, end = thai_dates.fiscal_year_range(fiscal_year)
    count = (
        NewsPage.objects.live()
        .public()
        .filter(Q(period_start__range=(start, end)) | Q(first_published_at__date__range=(start, end)))
        .count()
    )
    index = NewsIndexPage.objects.order_by("path").first()
    url = reverse("wagtailadmin_pages:add", args=["disclosure", "newspage", index.pk]) if index else ""
    allowed = page_can(index, "add") if index else None
    title = _("News in fiscal year %(fy)s") % {"fy": fiscal_year}
    if count:
        text = _("%(count)d news items are dated in fiscal year %(fy)s (MOIT 2.1.6).") % {
            "count": count,
            "fy": fiscal_year,
        }
        return Check("news", title, True, text, url, _("Add a news item"), allowed)
    text = _("No published news item is dated in fiscal year %(fy)s (MOIT 2.1.6).") % {"fy": fiscal_year}
    return Check("news", title, False, text, url, _("Add a news item"), allowed)


def check_oia():
    from .models import OIAIndexPage
    from .models.oia import SECTIONS

    page = OIAIndexPage.objects.live().public().order_by("path").first()
    title = _("Official information centre: every section of s.7 and s.9 has an entry")
    if page is None:
        draft = _first_page(OIAIndexPage)
        url = reverse("wagtailadmin_pages:edit", args=[draft.pk]) if draft else ""
        return Check("oia", title, False, _("There is no published official information centre (OIA s.7, s.9)."),
                     url, _("Edit the information centre"), page_can(draft, "edit") if draft else None)  # fmt: skip
    covered = set(page.entries.values_list("section", flat=True))
    empty = [str(label) for key, label, _text in SECTIONS if key not in covered]
    url, allowed = reverse("wagtailadmin_pages:edit", args=[page.pk]), page_can(page, "edit")
    if empty:
        text = _("No entry yet under: %(sections)s.") % {"sections": ", ".join(empty)}
        return Check("oia", title, False, text, url, _("Edit the information centre"), allowed)
    text = _("All %(count)d sections have at least one entry.") % {"count": len(SECTIONS)}
    return Check("oia", title, True, text, url, _("Edit the information centre"), allowed)


def check_policies(site):
    from home.models import FooterSettings

    footer = FooterSettings.for_site(site) if site else None
    wanted = [
        (_("privacy notice"), "privacy_page"),
        (_("website policy"), "website_policy_page"),
        (_("website security policy"), "security_policy_page"),
    ]
    missing = []
    for label, attr in wanted:
        page = getattr(footer, attr, None) if footer else None
        if page is None or not page.live:
            missing.append(str(label))
    title = _("Policy pages: privacy, website, website security")
    url, allowed = _settings_url("footersettings", site), has_perm("home.change_footersettings")
    if missing:
        text = _("Not linked from the footer or not published: %(pages)s.") % {"pages": ", ".join(missing)}
        return Check("policies", title, False, text, url, _("Edit the footer links"), allowed)
    return Check("policies", title, True, _("The three policy pages are published and linked from every page."), url,
                 _("Edit the footer links"), allowed)  # fmt: skip


def check_webmasters():
    count = get_user_model().objects.filter(is_active=True, groups__name=WEBMASTER_GROUP).distinct().count()
    title = _("At least two webmasters")
    url, allowed = reverse("wagtailusers_users:index"), has_perm("auth.change_user")
    if count >= 2:
        text = _("%(count)d active users are webmasters (announcement §3.1).") % {"count": count}
        return Check("webmasters", title, True, text, url, _("Manage users"), allowed)
    text = _("Only %(count)d active user is a webmaster; the announcement (§3.1) requires at least two.") % {
        "count": count
    }
    return Check("webmasters", title, False, text, url, _("Manage users"), allowed)


def completeness_checks(fiscal_year):
    site = _site()
    return [
        check_contact(site),
        check_executives(),
        check_no_gift(site, fiscal_year),
        check_news(fiscal_year),
        check_oia(),
        check_policies(site),
        check_webmasters(),
    ]


# -- the provider for home.compliance -----------------------------------------------------------


def _slot_gaps(report, keep):
    gaps = []
    for status in report.items:
        item = status.item
        fix = status.fix_links[0].url if status.fix_links else ""
        for slot in status.slots:
            if slot.status in GAP_STATUSES and keep(slot):
                notes = [ev.note for ev in slot.evidence if ev.note]
                gaps.append(
                    compliance.Gap(
                        code=f"MOIT {item.number}",
                        title=item.title,
                        period=str(slot.label),
                        status=slot.status,
                        status_label=str(STATUS_LABELS[slot.status]),
                        due=slot.end,
                        fix_url=fix,
                        notes=notes,
                    )
                )
    return gaps


class ITAComplianceProvider:
    """Answers ``home.compliance``: the MOIT slots that need attention and failed completeness checks."""

    def gaps(self, fiscal_year, today):
        with translation.override("th"):
            gaps = _slot_gaps(year_report(fiscal_year, today), lambda slot: True)
            if fiscal_year >= thai_dates.fiscal_year(today):
                for check in completeness_checks(fiscal_year):
                    if not check.passed:
                        gaps.append(
                            compliance.Gap(
                                code=check.key,
                                title=str(check.title),
                                period="",
                                status=compliance.STATUS_MISSING,
                                status_label=str(STATUS_LABELS[compliance.STATUS_MISSING]),
                                fix_url=check.fix_url,
                                notes=[str(check.explanation)],
                            )
                        )
        return gaps

    def due_between(self, start, end, today):
        years = range(thai_dates.fiscal_year(start), thai_dates.fiscal_year(end) + 1)
        gaps = []
        with translation.override("th"):
            for fy in years:
                gaps += _slot_gaps(year_report(fy, today), lambda slot: start <= slot.end <= end)
        return sorted(gaps, key=lambda gap: (gap.due, int(gap.code.split()[-1])))


provider = ITAComplianceProvider()
