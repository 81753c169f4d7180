"""Earlier fiscal years' ITA evidence from the import: each row with a MOIT item links its new page there.

The ITA models belong to ``disclosure``; this app reaches them by name (``apps.get_model``), so the category
app stays independent. The evidence is added through a new revision of the year's ITA page and published,
as an edit in the admin would, so the next edit keeps it. A year without its ITA page gets one, under the
site's ITA section, when that year's MOIT items are recorded.
"""

from django.apps import apps
from django.utils.translation import gettext as _

from . import pages
from .report import CREATED, UPDATED, Entry


def _model(name):
    return pages.page_model(f"disclosure.{name}")


def check(number, fiscal_year):
    """[(column, message)] for a row naming MOIT ``number`` in ``fiscal_year``."""
    item_model, index_model = _model("MoitItem"), _model("ITAIndexPage")
    if item_model is None or index_model is None:
        return [("moit", _("this site has no ITA section, so the MOIT column cannot be used."))]
    if fiscal_year is None:
        return []  # the fiscal-year column has its own message
    if not item_model.objects.filter(fiscal_year=fiscal_year, number=number).exists():
        return [
            (
                "moit",
                _(
                    "MOIT %(number)d is not recorded for fiscal year %(year)d: add that year's items under MOIT items first."
                )
                % {"number": number, "year": fiscal_year},
            )
        ]
    year_model = _model("ITAYearPage")
    if not year_model.objects.filter(fiscal_year=fiscal_year).exists() and not index_model.objects.exists():
        return [("moit", _("the site has no ITA section to put fiscal year %(year)d in.") % {"year": fiscal_year})]
    return []


def add_evidence(rows, user=None):
    """``rows``: (fiscal year, (number, code), quarter, page, unit). One revision per year; returns report entries."""
    by_year = {}
    for fiscal_year, moit, quarter, page, unit in rows:
        by_year.setdefault(fiscal_year, []).append((moit, quarter, page, unit))
    entries = []
    evidence_model = apps.get_model("disclosure", "ITAEvidence")
    for fiscal_year, items in sorted(by_year.items()):
        year_page, created = _year_page(fiscal_year, items[0][3], user)
        latest = year_page.get_latest_revision_as_object()
        existing = {(e.moit_number, e.linked_page_id) for e in latest.evidence.all()}
        added = 0
        for (number, code), quarter, page, _unit in items:
            if (number, page.pk) in existing:
                continue
            label = f"{code} {page.title}" if code else page.title
            latest.evidence.add(
                evidence_model(moit_number=number, label=label[:300], linked_page=page, fiscal_quarter=quarter)
            )
            existing.add((number, page.pk))
            added += 1
        if added or created:
            pages.save_and_publish(latest, user=user, source="sheet")
        entry = Entry(_("ITA page"), str(fiscal_year), year_page.title, CREATED if created else UPDATED)
        entry.target = year_page.url or ""
        entry.reasons.append(_("%(count)d pieces of evidence added.") % {"count": added})
        entries.append(entry)
    return entries


def _year_page(fiscal_year, unit, user):
    year_model = _model("ITAYearPage")
    found = year_model.objects.filter(fiscal_year=fiscal_year).first()
    if found is not None:
        return found, False
    index = _model("ITAIndexPage").objects.first()
    page = year_model(
        title=_("ITA assessment, fiscal year %(year)d") % {"year": fiscal_year},
        slug=pages.unique_slug(index, f"ita-{fiscal_year}", f"ita-{fiscal_year}"),
        fiscal_year=fiscal_year,
        owner_unit=unit,
    )
    return pages.save_and_publish(page, parent=index, user=user, source="sheet"), True
