"""The ITA answer to ``home.compliance``: the MOIT slots that need attention and failed completeness checks.

Registered by ``DisclosureConfig.ready``; the publishing reports ask ``home.compliance`` and never import
this app (DESIGN.md: no cross-imports).
"""

from django.utils import translation

from home import compliance, thai_dates

from .completeness import completeness_checks
from .report import year_report
from .statuses import GAP_STATUSES, STATUS_LABELS


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
                                code=check.reference,
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
