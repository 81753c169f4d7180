"""The process's paperwork as files: the request form (PDF) and the publication report (PDF and XLSX).

``home.exports.render_pdf`` renders the templates under ``templates/publishing/pdf/`` with Sarabun, A4;
Thai lines break between words (Pango's dictionary break). ``home.exports.ThaiWorkbook`` writes the
spreadsheet in the site's style. The data comes from ``publishing.paperwork``, so the admin page, the PDF
and the spreadsheet show the same.
"""

from django.utils.translation import gettext as _

from home.exports import ThaiWorkbook, render_pdf


def request_form_pdf(data):
    """One publication's request form (แบบฟอร์มการขอเผยแพร่ข้อมูล), A4 portrait, ready to sign."""
    return render_pdf("publishing/pdf/request_form.html", {"data": data})


def report_pdf(data):
    """The monthly or annual publication report, A4 landscape, with the two signature lines."""
    return render_pdf("publishing/pdf/publication_report.html", {"data": data})


def report_columns():
    return [
        _("No."),
        _("Requested"),
        _("Submitted by"),
        _("Title"),
        _("Owner unit"),
        _("Category"),
        _("Head review"),
        _("Reviewed by"),
        _("Reviewed at"),
        _("Time taken"),
        _("Within 30 minutes"),
        _("Reasons for changes"),
        _("Published by"),
        _("Published at"),
        _("Urgent publication"),
        _("Written approval on time"),
        _("Status"),
    ]


def report_xlsx(data):
    """The same report as a spreadsheet: counts, one row per request, take-downs, missing ITA evidence."""
    # The report places its blocks at fixed columns (counts from B, the request table from A), so cells are
    # written one by one in the workbook's styles rather than as appended rows.
    book = ThaiWorkbook(_("Report"))
    ws = book.ws
    font, bold, title_font, fill = book.font, book.bold, book.title_font, book.fill
    columns = report_columns()

    def put(row, col, value, cell_font=font, boxed=False):
        cell = ws.cell(row=row, column=col, value=value)
        cell.font, cell.alignment = cell_font, book.wrap
        if boxed:
            cell.border = book.border
        return cell

    put(1, 1, data["title"], title_font)
    put(2, 1, data["agency"], bold)
    put(3, 1, data["period_label"], bold)
    r = 5
    put(r, 1, _("Summary"), bold)
    r += 1
    for label, value in data["count_rows"]:
        put(r, 2, label, font, True)
        put(r, 3, value, bold, True)
        r += 1
    if data["months"]:
        r += 1
        put(r, 1, _("By month"), bold)
        r += 1
        put(r, 2, _("Month"), bold, True).fill = fill
        for index, (label, _value) in enumerate(data["count_rows"], start=3):
            put(r, index, label, bold, True).fill = fill
        r += 1
        keys = list(data["counts"])
        for month in data["months"]:
            put(r, 2, month["label"], font, True)
            for index, key in enumerate(keys, start=3):
                put(r, index, month["counts"][key], font, True)
            r += 1
    r += 1
    header_row = r
    for index, heading in enumerate(columns, start=1):
        put(r, index, heading, bold, True).fill = fill
    book.widths([6, 18, 20, 40, 22, 24, 14, 20, 18, 12, 10, 40, 20, 22, 36, 12, 16])
    r += 1
    if not data["rows"]:
        put(r, 1, _("No requests in this period."), font)
        r += 1
    for row in data["rows"]:
        values = [
            row["number"],
            row["requested_at"],
            row["submitter"],
            row["title"],
            row["unit"],
            row["category"],
            row["head_result"],
            row["head_by"],
            row["head_at"],
            row["head_taken"],
            row["head_met"],
            "\n".join(row["reasons"]),
            row["publisher"],
            row["published_at"],
            row["urgent"],
            row["written_met"],
            row["status"],
        ]
        for index, value in enumerate(values, start=1):
            put(r, index, value, font, True)
        r += 1
    r += 1
    put(r, 1, _("Taken down"), bold)
    r += 1
    if not data["takedowns"]:
        put(r, 2, _("None"), font)
        r += 1
    for entry in data["takedowns"]:
        for index, value in enumerate((entry["title"], entry["unit"], entry["category"], entry["at"], entry["by"]), 2):
            put(r, index, value, font, True)
        r += 1
    r += 1
    put(r, 1, data["gaps_heading"], bold)
    r += 1
    if not data["gaps"]:
        put(r, 2, _("None"), font)
        r += 1
    for gap in data["gaps"]:
        for index, value in enumerate((gap["code"], gap["title"], gap["period"], gap["status"]), 2):
            put(r, index, value, font, True)
        r += 1
    r += 1
    put(r, 1, data["target_note"], font)
    r += 1
    put(r, 1, data["generated"], font)

    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return book.bytes()
