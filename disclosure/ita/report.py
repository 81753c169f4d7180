"""The status of every MOIT item of a fiscal year: what the dashboard, the public ITA page, the exports
and the compliance provider show."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from home import compliance, thai_dates

from ..models import ITAIndexPage, ITAYearPage, MoitItem
from .access import FixLink, page_can
from .evidence import check_evidence, judge_dates, period_window
from .statuses import NOT_DUE, SEVERITY, STATUS_LABELS, ItemStatus, Slot, due_soon_days, overall, slot_status

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
            window = period_window(item, slot, single)
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
                    slot.evidence.append(judge_dates(ev, window))
            slot.status = slot_status(slot.evidence, slot, today, soon)
            slots.append(slot)
        standing = [ev for ev in evidence if id(ev) not in used]
        covered_codes = {ev.code for ev in evidence if ev.valid and ev.code}
        sub_items = [
            (code, text, bool(code) and any(c == code or c.startswith(code + ".") for c in covered_codes))
            for code, text in item.sub_item_list()
        ]
        status = ItemStatus(item, slots, standing, evidence, sub_items)
        status.status = overall(slots)
        if not public:
            status.fix_links = _fix_links(item, status, ita_page, index_page, sections)
        statuses.append(status)
    return YearReport(fiscal_year, today, ita_page, index_page, statuses, soon)


def available_years():
    """Fiscal years with MOIT items, newest first, always including the current one."""
    years = set(MoitItem.objects.values_list("fiscal_year", flat=True).distinct())
    years.add(thai_dates.current_fiscal_year())
    return sorted(years, reverse=True)
