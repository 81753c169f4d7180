"""What an import did or would do, item by item: printed in Thai and written as XLSX (``home.exports``)."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from home import thai_dates
from home.exports import ThaiWorkbook

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
SKIPPED = "skipped"
REFUSED = "refused"


def action_labels(dry_run):
    # A context of their own: "created" and "updated" are Wagtail's words for dates elsewhere.
    labels = {
        CREATED: pgettext("import result", "created"),
        UPDATED: pgettext("import result", "updated"),
        UNCHANGED: pgettext("import result", "unchanged"),
        SKIPPED: pgettext("import result", "not imported"),
        REFUSED: pgettext("import result", "refused"),
    }
    if dry_run:
        labels[CREATED] = pgettext("import result", "would be created")
        labels[UPDATED] = pgettext("import result", "would be updated")
    return labels


@dataclass
class Entry:
    kind: str  # Thai: "ข่าว", "หน้า", "ไฟล์", "รูปภาพ", "แถว 3"
    ref: str  # post id, or row number
    title: str
    action: str
    target: str = ""  # the new address or where it goes
    reasons: list = field(default_factory=list)
    old_paths: list = field(default_factory=list)


@dataclass
class Report:
    title: str
    dry_run: bool = False
    entries: list = field(default_factory=list)
    redirects: list = field(default_factory=list)  # (old path, new address)
    unresolved: list = field(default_factory=list)  # (old path, why)

    def add(self, entry):
        self.entries.append(entry)
        return entry

    def count(self, action):
        return sum(1 for e in self.entries if e.action == action)

    def lines(self):
        labels = action_labels(self.dry_run)
        out = [str(self.title)]
        if self.dry_run:
            out.append(_("Dry run: nothing was saved."))
        summary = ", ".join(
            f"{labels[a]} {self.count(a)}" for a in (CREATED, UPDATED, UNCHANGED, SKIPPED, REFUSED) if self.count(a)
        )
        out.append(_("Summary: %(summary)s") % {"summary": summary or "—"})
        for e in self.entries:
            line = f"[{labels[e.action]}] {e.kind} {e.ref}: {e.title}"
            if e.target:
                line += f" → {e.target}"
            out.append(line)
            out += [f"    - {reason}" for reason in e.reasons]
        if self.redirects:
            out.append(_("Old addresses redirected: %(count)d") % {"count": len(self.redirects)})
        if self.unresolved:
            out.append(_("Old addresses without a new page (%(count)d):") % {"count": len(self.unresolved)})
            out += [f"    {path} — {why}" for path, why in self.unresolved]
        return out

    def workbook(self):
        labels = action_labels(self.dry_run)
        book = ThaiWorkbook(_("Import"))
        book.title_row(self.title)
        book.row(
            [_("Printed on %(date)s") % {"date": thai_dates.thai_datetime(timezone.now(), short=False)}],
            bordered=False,
        )
        book.header_row([_("Kind"), _("Post id or file"), _("Title"), _("Outcome"), _("Goes to"), _("Reasons")])
        book.widths([14, 12, 50, 16, 40, 70])
        for e in self.entries:
            book.row([e.kind, e.ref, e.title, labels[e.action], e.target, "\n".join(e.reasons)])
        book.sheet(_("Redirected addresses"))
        book.header_row([_("Old address"), _("New address")])
        book.widths([60, 60])
        for old, new in self.redirects:
            book.row([old, new])
        book.sheet(_("Without a target"))
        book.header_row([_("Old address"), _("Why")])
        book.widths([60, 70])
        for old, why in self.unresolved:
            book.row([old, why])
        return book.bytes()
