"""``import_documents``: a folder of files and a spreadsheet describing them -> item pages with their files.

Every row is checked first (cells, the file by its content as uploads are, the section, the unit, the page
type's own rules, the MOIT item of that year); one bad row and nothing is imported, and every problem is
reported by row and column. Then all rows are imported in one transaction: each becomes an item page of the
type its section takes, with the R2.1 facts (owner, data period, source) and the document attached, marked
in the audit log as imported (``home.compliance.IMPORTED_ACTION``); rows with a MOIT item become evidence of
that fiscal year's ITA page (``importer.ita``). Keyed by section and file: a second run updates, never adds.
"""

import hashlib
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home import thai_dates
from home.models import Department

from . import ita, media, pages
from .models import ImportedItem
from .report import CREATED, REFUSED, UNCHANGED, UPDATED, Entry, Report
from .sheet import clean_basic, read_rows, text

SOURCE = ImportedItem.Source.SHEET
# Fields of the page a column fills, so a page-type rule is reported on its column.
FIELD_COLUMNS = {
    "title": "title",
    "owner_unit": "owner_unit",
    "period_start": "period_from",
    "period_end": "period_to",
    "fiscal_year": "fiscal_year",
    "fiscal_quarter": "quarter",
    "source": "source",
    "intro": "summary",
    "category": "category",
}


class DocumentsImport:
    def __init__(self, folder, sheet, user=None):
        self.folder = Path(folder)
        self.sheet = sheet
        self.user = user
        self.report = Report(title=_("Import of documents from a spreadsheet"))
        self.records = {r.key: r for r in ImportedItem.objects.filter(source=SOURCE)}

    def check(self):
        """All rows, each with its errors ([] when it may be imported)."""
        rows = [clean_basic(row) for row in read_rows(self.sheet)]
        seen = {}
        units = {d.name: d for d in Department.objects.all()}
        for row in rows:
            c = row.cleaned
            self._check_file(row)
            if c["section"]:
                c["parent"] = pages.find_page(c["section"])
                c["model"] = pages.item_model_for(c["parent"]) if c["parent"] else None
                if c["parent"] is None:
                    row.error("section", _("no page at “%(address)s” on this site.") % {"address": c["section"]})
                elif c["model"] is None:
                    row.error("section", _("“%(title)s” does not take item pages.") % {"title": c["parent"].title})
            if c["owner_unit"]:
                c["unit"] = units.get(c["owner_unit"])
                if c["unit"] is None:
                    row.error("owner_unit", _("no unit named “%(name)s”.") % {"name": c["owner_unit"]})
            key = f"{c['section']}|{c['file']}"
            if c["file"] and c["section"]:
                if key in seen:
                    row.error("file", _("the same file in the same section as row %(row)d.") % {"row": seen[key]})
                seen.setdefault(key, row.number)
            c["key"] = key
            if c.get("moit"):
                for column, message in ita.check(c["moit"][0], c.get("fiscal_year")):
                    row.error(column, message)
            if not row.errors:
                self._check_page(row)
        return rows

    def _check_file(self, row):
        name = row.cleaned["file"]
        if not name:
            return
        path = (self.folder / name).resolve()
        try:
            path.relative_to(self.folder.resolve())
        except ValueError:
            return row.error("file", _("the file must be inside the folder given to the command."))
        if not path.is_file():
            return row.error("file", _("there is no file %(name)s in the folder.") % {"name": name})
        for problem in media.check_file(path, picture=False):
            row.error("file", problem)
        row.cleaned["path"] = path

    def _check_page(self, row):
        c = row.cleaned
        record = self.records.get(c["key"])
        page = record.page.specific.get_latest_revision_as_object() if record and record.page else c["model"]()
        self._fill(page, c)
        if page.pk is None:
            page.slug = pages.unique_slug(c["parent"], Path(c["file"]).stem, f"item-{row.number}")
        for name, label, message in pages.check_page(page):
            # A rule of the page type on a field no column fills is reported on the section (which chose the type).
            column = FIELD_COLUMNS.get(name, "section")
            row.error(column, message if column != "section" or not label else f"{label}: {message}")
        c["page"] = page

    def _fill(self, page, c):
        names = {f.name for f in type(page)._meta.get_fields()}
        page.title = c["title"]
        page.owner_unit = c.get("unit")
        if "intro" in names:
            page.intro = c["summary"][:1000]
        if "source" in names:
            page.source = c["source"][:500]
        if "category" in names and c["category"]:
            # The page type's own kinds, by value ("report") or by their Thai name ("รายงานรายไตรมาส").
            choices = type(page)._meta.get_field("category").choices or []
            page.category = next(
                (value for value, label in choices if c["category"] in (value, str(label))), c["category"]
            )
        fy = c.get("fiscal_year")
        if "fiscal_year" in names:
            page.fiscal_year, page.fiscal_quarter = fy, c["quarter"]
        elif "period_start" in names:
            default = thai_dates.fiscal_year_range(fy) if fy else (None, None)
            if c["quarter"] and fy:
                default = thai_dates.fiscal_quarter_range(fy, c["quarter"])
            page.period_start = c["period_from"] or default[0]
            page.period_end = c["period_to"] or (None if c["period_from"] else default[1])

    def refusals(self, bad):
        """The report of a refused sheet: every bad row with its problems (for the XLSX)."""
        for row in bad:
            entry = Entry(_("row %(row)d") % {"row": row.number}, text(row.values.get("file")), "", REFUSED)
            entry.title = text(row.values.get("title"))
            entry.reasons = list(row.errors)
            self.report.add(entry)
        return self.report

    def run(self):
        """Check every row; import all of them or none. Returns (report, rows with errors)."""
        rows = self.check()
        bad = [row for row in rows if row.errors]
        if bad:
            return self.report, bad
        saved_files = []
        try:
            with transaction.atomic():
                evidence = []
                for row in rows:
                    self._import(row, saved_files, evidence)
                for entry in ita.add_evidence(evidence, user=self.user):
                    self.report.add(entry)
        except Exception:
            for document in saved_files:  # the transaction is undone; so are the files it kept
                document.file.storage.delete(document.file.name)
            raise
        return self.report, []

    def _import(self, row, saved_files, evidence):
        c = row.cleaned
        fingerprint = hashlib.sha256(
            json.dumps(
                [str(c.get(k)) for k in sorted(c) if k not in ("page", "parent", "model", "unit", "path")]
                + [media.fingerprint_of(c["path"])]
            ).encode()
        ).hexdigest()
        record = self.records.get(c["key"])
        entry = Entry(_("row %(row)d") % {"row": row.number}, c["file"], c["title"], CREATED)
        if record and record.page:
            entry.action = UNCHANGED if record.fingerprint == fingerprint else UPDATED
        if entry.action != UNCHANGED:
            page = c["page"]
            period = (c["period_from"], c["period_to"])
            existing = record.document if record else None
            document = media.save_document(c["path"], c["title"], existing, owner_unit=c["unit"], period=period)
            saved_files.append(document)
            pages.set_body(page, "attachments", [{"type": "document", "value": {"document": document.pk, "title": ""}}])
            when = None
            if c["published_on"]:
                when = timezone.make_aware(timezone.datetime.combine(c["published_on"], timezone.datetime.min.time()))
            page = pages.save_and_publish(
                page, parent=c["parent"], when=when, user=self.user, source=SOURCE, old_url=c["file"]
            )
            record = record or ImportedItem(source=SOURCE, key=c["key"][:300])
            record.kind, record.old_url, record.fingerprint = "row", c["file"][:500], fingerprint
            record.page, record.document = page, document
            record.save()
        entry.target = record.page.url or ""
        if c.get("moit"):
            evidence.append((c["fiscal_year"], c["moit"], c["quarter"], record.page, c["unit"]))
        self.report.add(entry)
