"""The ITA evidence list as XLSX or CSV, one row per piece of evidence (or per item without any), with
absolute public addresses ready to paste into the ministry's MITAS system. The spreadsheet is styled by
``home.exports.ThaiWorkbook`` like every other file the site prints.

The public export (from the ITA page) lists only evidence the public can open; the staff export (from the
admin dashboard) adds the status of each period, notes and whether the publication form exists.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from home import thai_dates
from home.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, XLSX_FONT, ThaiWorkbook
from home.slugs import readable_url

FORM_LABELS = {
    "yes": pgettext_lazy("request form", "Yes"),
    "no": pgettext_lazy("request form", "No"),
    "not_needed": gettext_lazy("Not needed (infographic)"),
    "imported": gettext_lazy("imported from the former system"),
    "n/a": "",
}


def _absolute(request, url):
    if not url:
        return ""
    if not url.startswith(("http://", "https://")):
        url = request.build_absolute_uri(url)
    return readable_url(url)  # Thai letters, not %E0%B8…


def headers(public):
    columns = [_("MOIT"), _("Indicator"), _("Item"), _("Due"), _("Period"), _("Evidence"), _("Address (URL)")]
    if not public:
        columns += [_("Status"), _("Publication form"), _("Notes")]
    return columns


def rows(report, request, public):
    """The table rows (lists of plain values) of ``report``."""
    out = []
    for status in report.items:
        item = status.item
        base = [f"MOIT {item.number}", f"{item.indicator} {item.indicator_title}", item.title, str(item.due_label)]
        entries = [(slot.label, slot.status_label, slot.evidence) for slot in status.slots]
        if status.standing:
            entries.append((_("Standing evidence"), "", status.standing))
        for label, status_label, evidence in entries:
            shown = [ev for ev in evidence if ev.public] if public else evidence
            if not shown:
                row = [*base, str(label), "", ""]
                if not public:
                    row += [str(status_label), "", ""]
                out.append(row)
                continue
            for ev in shown:
                row = [*base, str(label), ev.label, _absolute(request, ev.url)]
                if not public:
                    row += [str(status_label), str(FORM_LABELS[ev.form]), ev.note]
                out.append(row)
    return out


def _filename(report, ext):
    return f"ita-{report.fiscal_year}.{ext}"


def xlsx_response(report, request, public):
    from openpyxl.styles import Font

    columns = headers(public)
    book = ThaiWorkbook(f"ITA {report.fiscal_year}")
    book.title_row(_("MOPH ITA evidence, %(fy)s") % {"fy": thai_dates.fiscal_year_label(report.fiscal_year)})
    book.row([_("As of %(date)s") % {"date": thai_dates.thai_date(report.today)}], bordered=False)
    book.ws.append([])
    book.header_row(columns)
    header_row = book.ws.max_row
    link_font = Font(name=XLSX_FONT, size=14, color="0B5394", underline="single")
    for row in rows(report, request, public):
        book.row(row)
        url_cell = book.ws.cell(row=book.ws.max_row, column=7)
        if url_cell.value:
            url_cell.hyperlink = url_cell.value
            url_cell.font = link_font
    book.widths([10, 24, 60, 24, 22, 44, 56, 16, 22, 44][: len(columns)])
    book.ws.freeze_panes = book.ws.cell(row=header_row + 1, column=1)
    response = HttpResponse(book.bytes(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "xlsx")}"'
    return response


def csv_response(report, request, public):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers(public))
    writer.writerows(rows(report, request, public))
    # UTF-8 with a byte-order mark, so Excel on Windows opens Thai text correctly.
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "csv")}"'
    return response
