"""The ITA evidence list as XLSX or CSV, one row per piece of evidence (or per item without any), with
absolute public addresses ready to paste into the ministry's MITAS system.

The public export (from the ITA page) lists only evidence the public can open; the staff export (from the
admin dashboard) adds the status of each period, notes and whether the publication form exists.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from home import thai_dates

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORM_LABELS = {
    "yes": pgettext_lazy("request form", "Yes"),
    "no": pgettext_lazy("request form", "No"),
    "not_needed": gettext_lazy("Not needed (infographic)"),
    "n/a": "",
}


def _absolute(request, url):
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


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
    wb = Workbook()
    ws = wb.active
    ws.title = f"ITA {report.fiscal_year}"
    title = _("MOPH ITA evidence, %(fy)s") % {"fy": thai_dates.fiscal_year_label(report.fiscal_year)}
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([_("As of %(date)s") % {"date": thai_dates.thai_date(report.today)}])
    ws.append([])
    ws.append(headers(public))
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCEFE7")
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in rows(report, request, public):
        ws.append(row)
        for cell in ws[ws.max_row]:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        url_cell = ws.cell(row=ws.max_row, column=7)
        if url_cell.value:
            url_cell.hyperlink = url_cell.value
            url_cell.font = Font(color="0B5394", underline="single")
    widths = [10, 24, 60, 24, 22, 44, 56, 16, 22, 44]
    for index, width in enumerate(widths[: len(headers(public))], start=1):
        ws.column_dimensions[ws.cell(row=header_row, column=index).column_letter].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    buffer = io.BytesIO()
    wb.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "xlsx")}"'
    return response


def csv_response(report, request, public):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers(public))
    writer.writerows(rows(report, request, public))
    # UTF-8 with a byte-order mark, so Excel on Windows opens Thai text correctly.
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "csv")}"'
    return response
