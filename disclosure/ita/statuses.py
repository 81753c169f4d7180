"""The statuses of a due period and of an MOIT item, and how "due soon" is counted."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy

from home import compliance

from ..models import MoitItem

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


def due_soon_days():
    return int(settings.ITA_DUE_SOON_DAYS)


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


def slot_status(evidence, slot, today, soon):
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


def overall(slots):
    statuses = {slot.status for slot in slots}
    for status in SEVERITY:
        if status in statuses:
            return status
    if compliance.STATUS_COMPLETE in statuses:
        return compliance.STATUS_COMPLETE
    return NOT_DUE if statuses else compliance.STATUS_MISSING
