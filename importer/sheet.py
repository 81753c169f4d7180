"""The spreadsheet of ``import_documents``: one row per document, read from XLSX or CSV and checked whole.

Columns are found by their heading, in English or Thai (``COLUMNS``); order does not matter. Every cell is
checked before anything is saved, and each problem is one Thai line naming the row (as the spreadsheet
numbers it) and the column, so the sheet can be corrected in one go.
"""

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from home import thai_dates

# key, Thai heading, required
COLUMNS = [
    ("file", "ไฟล์", True),
    ("title", "ชื่อเรื่อง", True),
    ("section", "หมวด", True),
    ("owner_unit", "หน่วยงานเจ้าของข้อมูล", True),
    ("fiscal_year", "ปีงบประมาณ", True),
    ("period_from", "ข้อมูลตั้งแต่วันที่", False),
    ("period_to", "ข้อมูลถึงวันที่", False),
    ("quarter", "ไตรมาส", False),
    ("moit", "ข้อ MOIT", False),
    ("category", "ประเภท", False),
    ("source", "แหล่งที่มา", False),
    ("summary", "สรุป", False),
    ("published_on", "วันที่เผยแพร่เดิม", False),
]
THAI = {key: thai for key, thai, _required in COLUMNS}
MOIT_RE = re.compile(r"^\s*(?:MOIT\s*)?(\d{1,2})(?:\.(\d{1,2}))?\s*$", re.IGNORECASE)
SLASH_DATE_RE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
ISO_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


class SheetError(Exception):
    """The sheet cannot be read at all (wrong type, no heading row)."""


@dataclass
class Row:
    number: int
    values: dict
    errors: list = field(default_factory=list)
    cleaned: dict = field(default_factory=dict)

    def error(self, column, message):
        self.errors.append(
            _("Row %(row)d, column “%(column)s”: %(message)s")
            % {"row": self.number, "column": THAI.get(column, column), "message": message}
        )


def _header_key(text):
    text = str(text or "").strip().lower()
    for key, thai, _required in COLUMNS:
        if text in (key, thai.lower(), key.replace("_", " ")):
            return key
    return None


def read_rows(path):
    """[Row] from an .xlsx or .csv file; the first row holds the headings."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as error:
            raise SheetError(_("Cannot read the XLSX file: %(error)s") % {"error": error}) from error
        table = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    elif suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            table = [list(r) for r in csv.reader(handle)]
    else:
        raise SheetError(_("The sheet must be an .xlsx or .csv file."))
    if not table:
        raise SheetError(_("The sheet is empty."))
    keys = [_header_key(cell) for cell in table[0]]
    missing = [THAI[key] for key, _thai, required in COLUMNS if required and key not in keys]
    if missing:
        raise SheetError(_("The heading row lacks the columns: %(columns)s.") % {"columns": ", ".join(missing)})
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {key: cell for key, cell in zip(keys, cells, strict=False) if key}
        if all(v in (None, "") for v in values.values()):
            continue  # a blank line between groups of rows
        rows.append(Row(number, values))
    return rows


def text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_date(value):
    """A date cell, "1 ตุลาคม 2566", "01/10/2566" (day/month/B.E. or C.E. year) or "2023-10-01"."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = thai_dates.from_thai_digits(text(value))
    if not raw:
        return None
    match = SLASH_DATE_RE.match(raw)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year - 543 if year > 2400 else year, month, day)
    match = ISO_DATE_RE.match(raw)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return dt.date(year - 543 if year > 2400 else year, month, day)
    return thai_dates.parse_thai_date(raw)


def clean_basic(row):
    """Types and formats of one row's cells (what needs no database)."""
    v, c = row.values, row.cleaned
    for key in ("file", "title", "section", "owner_unit", "fiscal_year"):
        if not text(v.get(key)):
            row.error(key, _("required, but empty."))
    c["file"], c["title"], c["section"] = text(v.get("file")), text(v.get("title")), text(v.get("section"))
    c["owner_unit"], c["source"], c["summary"] = (
        text(v.get("owner_unit")),
        text(v.get("source")),
        text(v.get("summary")),
    )
    c["category"] = text(v.get("category"))
    if len(c["title"]) > 255:
        row.error("title", _("at most 255 characters."))
    fy = thai_dates.from_thai_digits(text(v.get("fiscal_year")))
    if fy:
        if not fy.isdigit() or not 2550 <= int(fy) <= 2700:
            row.error("fiscal_year", _("write the Buddhist-Era year, e.g. 2567."))
        else:
            c["fiscal_year"] = int(fy)
    for key in ("period_from", "period_to", "published_on"):
        try:
            c[key] = parse_date(v.get(key))
        except (ValueError, TypeError):
            row.error(key, _("not a date; write e.g. 1 ตุลาคม 2566 or 01/10/2566."))
    if c.get("period_from") and c.get("period_to") and c["period_to"] < c["period_from"]:
        row.error("period_to", _("the end of the data period cannot be before its start."))
    quarter = text(v.get("quarter"))
    c["quarter"] = None
    if quarter:
        if quarter not in {"1", "2", "3", "4"}:
            row.error("quarter", _("a quarter is 1, 2, 3 or 4."))
        else:
            c["quarter"] = int(quarter)
    moit = text(v.get("moit"))
    c["moit"] = None
    if moit:
        match = MOIT_RE.match(moit)
        if not match or not 1 <= int(match.group(1)) <= 22:
            row.error("moit", _("write the MOIT item as a number from 1 to 22, e.g. 9 or MOIT 9 or 9.1."))
        else:
            c["moit"] = (int(match.group(1)), moit.upper().replace("MOIT", "").strip() if match.group(2) else "")
    return row
