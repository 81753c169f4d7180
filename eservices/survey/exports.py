"""The round's survey results as an XLSX file (openpyxl), for the ITA evidence "รายงานผลการสำรวจความ
พึงพอใจ" (OIT O17): totals, the five levels and the services. Comments are left out: the file is made to
be published."""

import io

from django.utils.translation import gettext as _

from home.thai_dates import thai_date

XLSX_FONT = "TH SarabunPSK"  # as the procurement exports


def results_xlsx(data, hospital_name):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Survey results")[:31]
    font, bold = Font(name=XLSX_FONT, size=14), Font(name=XLSX_FONT, size=14, bold=True)
    title = _("Satisfaction survey results") + f" {hospital_name}".rstrip()
    period = _("%(round)s, fiscal year B.E. %(year)s") % {"round": data["round_label"], "year": data["fiscal_year"]}
    dates = _("%(start)s to %(end)s") % {"start": thai_date(data["start"]), "end": thai_date(data["end"])}
    rows = [
        [title],
        [period],
        [dates],
        [],
        [_("Responses"), data["count"]],
        [_("Mean score"), float(data["website_mean"]) if data["website_mean"] is not None else None],
        [_("Percent"), float(data["website_percent"]) if data["website_percent"] is not None else None],
        [_("Level"), str(data["website_level"])],
        [],
        [_("Satisfaction with the website")],
        [_("Level"), _("Responses"), _("Percent")],
        *[[f"{r['score']} · {r['label']}", r["count"], float(r["percent"])] for r in data["distribution"]],
        [],
        [_("Satisfaction with the hospital's services")],
        [_("Service"), _("Mean (1–5)"), _("Percent"), _("Level"), _("Responses")],
        *[[t["name"], float(t["mean"]), float(t["percent"]), str(t["level"]), t["count"]] for t in data["topics"]],
    ]
    headings = {1, 10, 11, 14, 15}
    for number, row in enumerate(rows, start=1):
        sheet.append(row)
        for cell in sheet[number]:
            cell.font = bold if number in headings else font
            cell.alignment = Alignment(vertical="top", wrap_text=isinstance(cell.value, str))
    sheet.column_dimensions["A"].width = 48
    for column in "BCDE":
        sheet.column_dimensions[column].width = 16
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
