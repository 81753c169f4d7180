"""แบบ สขร.1 as files: the PDF (WeasyPrint, A4 landscape, Sarabun) and the XLSX (openpyxl).

``summary_data`` collects everything the form shows — title line, agency, the nine columns, totals,
the "no procurement" line — once, as plain strings and numbers. The public page, the PDF and the
spreadsheet all read it, so they cannot disagree. Files are cached under a hash of that data: the
same month with the same rows is rendered once, and any change makes a new file.
"""

import hashlib
import json

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Site

from home import thai_dates
from home.exports import PDF_CONTENT_TYPE, XLSX_CONTENT_TYPE, ThaiWorkbook, render_pdf
from home.models import ContactSettings, human_size

from .models.common import baht

__all__ = ["PDF_CONTENT_TYPE", "XLSX_CONTENT_TYPE", "export_links", "pdf_bytes", "summary_data", "xlsx_bytes"]

CACHE_SECONDS = 60 * 60 * 24
CACHE_VERSION = 1


def column_headings():
    """The nine columns of แบบ สขร.1, worded as on the official form (spec §3.2)."""
    return [
        _("Item no."),
        _("Work procured"),
        _("Budget amount (baht)"),
        _("Reference price (baht)"),
        _("Procurement method"),
        _("Bidders and prices offered"),
        _("Selected supplier and agreed price"),
        _("Summary reason for selection"),
        _("Number and date of the contract or purchase agreement"),
    ]


def _contact(page, request):
    if request is not None:
        return ContactSettings.for_request(request)
    site = Site.objects.filter(is_default_site=True).first()
    return ContactSettings.for_site(site)


def summary_data(page, request=None):
    """Everything แบบ สขร.1 of ``page`` shows, as strings (for the page and the PDF) and numbers (for XLSX)."""
    contact = _contact(page, request)
    rows = []
    for number, row in enumerate(page.row_list, start=1):
        rows.append(
            {
                "number": number,
                "work": row.work,
                "budget_amount": row.budget_amount,
                "reference_price": row.reference_price,
                "method": str(row.method_short),
                "bidders": row.bidder_lines(),
                "supplier_name": row.supplier_name,
                "agreed_price": row.agreed_price,
                "reason": row.reason,
                "contract_number": row.contract_number,
                "contract_date": thai_dates.thai_date(row.contract_date, short=True),
                "egp_project_number": row.egp_project_number,
            }
        )
    totals = page.totals
    published = page.last_published_at or timezone.now()
    return {
        "form_name": _("Form SorKhor 1"),
        "title_line": str(page.title_line),
        "month_label": page.month_label,
        "fiscal_year_label": thai_dates.fiscal_year_label(page.fiscal_year),
        "hospital_name": contact.hospital_name,
        "parent_agency": contact.parent_agency,
        "agency": " ".join(part for part in (contact.hospital_name, contact.parent_agency) if part),
        "owner": page.owner_unit.name if page.owner_unit_id else "",
        "columns": column_headings(),
        "rows": rows,
        "no_procurement": bool(page.no_procurement and not rows),
        "no_procurement_text": _("No procurement"),
        "totals": totals,
        "totals_text": {key: baht(value) for key, value in totals.items()},
        "total_label": _("Total"),
        "published_label": _("Published on %(date)s") % {"date": thai_dates.thai_date(published)},
        "egp_label": _("e-GP project no."),
        "basename": page.export_basename,
    }


def _cached(kind, data, render):
    digest = hashlib.sha256(
        json.dumps([CACHE_VERSION, kind, get_language(), data], default=str, sort_keys=True).encode()
    ).hexdigest()
    key = f"procurement:sorkhor1:{kind}:{digest}"
    content = cache.get(key)
    if content is None:
        content = render(data)
        cache.set(key, content, CACHE_SECONDS)
    return content


def _render_pdf(data):
    return render_pdf("procurement/pdf/monthly_summary.html", {"data": data})


def pdf_bytes(data):
    """The month's แบบ สขร.1 as an A4-landscape PDF."""
    return _cached("pdf", data, _render_pdf)


def _render_xlsx(data):
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    # The shared workbook brings the fonts (TH SarabunPSK), borders and heading fill of every export.
    book = ThaiWorkbook(data["basename"])
    ws = book.ws
    font, bold, title_font = book.font, book.bold, book.title_font
    border, wrap, centre, heading_fill = book.border, book.wrap, book.centre, book.fill
    money = "#,##0.00"

    # Columns: the nine of the form, with columns 7 and 9 split (name | price, number | date) so the
    # amounts stay numbers, and the e-GP project number as a tenth column (spec §3.2).
    headings = data["columns"]
    layout = [
        # (top heading, sub heading or None, width)
        (headings[0], None, 8),
        (headings[1], None, 38),
        (headings[2], None, 16),
        (headings[3], None, 16),
        (headings[4], None, 16),
        (headings[5], None, 34),
        (headings[6], _("Supplier"), 30),
        (headings[6], _("Agreed price (baht)"), 16),
        (headings[7], None, 30),
        (headings[8], _("Number"), 16),
        (headings[8], _("Date"), 14),
        (data["egp_label"], None, 16),
    ]
    last = get_column_letter(len(layout))

    def line(row, text, cell_font, height=24):
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = ws.cell(row=row, column=1, value=text)
        cell.font = cell_font
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.row_dimensions[row].height = height

    line(1, data["title_line"], title_font, 28)
    line(2, data["agency"], bold)
    line(3, data["fiscal_year_label"], font)

    top, sub = 5, 6
    col = 1
    while col <= len(layout):
        heading, subheading, _width = layout[col - 1]
        span = 1
        while col + span <= len(layout) and layout[col + span - 1][0] == heading and subheading:
            span += 1
        if subheading:
            ws.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + span - 1)
            for offset in range(span):
                cell = ws.cell(row=sub, column=col + offset, value=layout[col + offset - 1][1])
                cell.font, cell.alignment, cell.border, cell.fill = bold, centre, border, heading_fill
        else:
            ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
        for r in (top, sub):
            for offset in range(span):
                c = ws.cell(row=r, column=col + offset)
                c.border, c.fill = border, heading_fill
        cell = ws.cell(row=top, column=col, value=heading)
        cell.font, cell.alignment = bold, centre
        col += span
    ws.row_dimensions[top].height = 48
    for index, (_h, _s, width) in enumerate(layout, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width

    r = sub + 1
    if data["no_procurement"]:
        ws.merge_cells(f"A{r}:{last}{r}")
        cell = ws.cell(row=r, column=1, value=data["no_procurement_text"])
        cell.font, cell.alignment = bold, centre
        for index in range(1, len(layout) + 1):
            ws.cell(row=r, column=index).border = border
        r += 1
    for row in data["rows"]:
        values = [
            row["number"],
            row["work"],
            row["budget_amount"],
            row["reference_price"],
            row["method"],
            "\n".join(row["bidders"]),
            row["supplier_name"],
            row["agreed_price"],
            row["reason"],
            row["contract_number"],
            row["contract_date"],
            row["egp_project_number"],
        ]
        for index, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=index, value=value)
            cell.font, cell.border, cell.alignment = font, border, wrap
            if index in (3, 4, 8):
                cell.number_format = money
            if index == 1:
                cell.alignment = Alignment(horizontal="center", vertical="top")
        r += 1

    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    ws.cell(row=r, column=1, value=data["total_label"]).alignment = Alignment(horizontal="center")
    totals = data["totals"]
    for index, value in ((3, totals["budget_amount"]), (4, totals["reference_price"]), (8, totals["agreed_price"])):
        ws.cell(row=r, column=index, value=value).number_format = money
    for index in range(1, len(layout) + 1):
        cell = ws.cell(row=r, column=index)
        cell.font, cell.border = bold, border
    ws.cell(row=r + 2, column=1, value=data["published_label"]).font = font

    ws.freeze_panes = ws.cell(row=sub + 1, column=1)
    ws.print_options.horizontalCentered = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{top}:{sub}"

    return book.bytes()


def xlsx_bytes(data):
    """The month's แบบ สขร.1 as a spreadsheet with the same title rows, columns and totals as the PDF."""
    return _cached("xlsx", data, _render_xlsx)


def export_links(page, data, request=None):
    """The PDF and XLSX downloads of ``page`` with their type and size (R2.1), for the page template."""
    base = page.get_url(request) if page.pk else None
    if not base:
        return []  # the preview of a page not yet saved has no address to download from
    return [
        {"url": base + "pdf/", "type": "PDF", "size": human_size(len(pdf_bytes(data))), "title": _("Download as PDF")},
        {
            "url": base + "xlsx/",
            "type": "XLSX",
            "size": human_size(len(xlsx_bytes(data))),
            "title": _("Download as spreadsheet (XLSX)"),
        },
    ]
