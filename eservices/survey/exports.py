"""The round's survey results as an XLSX file, for the ITA evidence "รายงานผลการสำรวจความพึงพอใจ" (OIT O17):
totals, the five levels and the services, in the site's workbook style (``home.exports.ThaiWorkbook``).
Comments are left out: the file is made to be published."""

from django.utils.translation import gettext as _

from home.exports import ThaiWorkbook
from home.thai_dates import thai_date


def _number(value):
    return float(value) if value is not None else None


def results_xlsx(data, hospital_name):
    book = ThaiWorkbook(_("Survey results"))
    book.title_row(_("Satisfaction survey results") + f" {hospital_name}".rstrip())
    period = _("%(round)s, fiscal year B.E. %(year)s") % {"round": data["round_label"], "year": data["fiscal_year"]}
    book.row([period], bordered=False)
    book.row(
        [_("%(start)s to %(end)s") % {"start": thai_date(data["start"]), "end": thai_date(data["end"])}], bordered=False
    )
    book.ws.append([])
    book.row([_("Responses"), data["count"]])
    book.row([_("Mean score"), _number(data["website_mean"])])
    book.row([_("Percent"), _number(data["website_percent"])])
    book.row([_("Level"), str(data["website_level"])])
    book.ws.append([])
    book.row([_("Satisfaction with the website")], bordered=False)
    book.ws.cell(row=book.ws.max_row, column=1).font = book.bold
    book.header_row([_("Level"), _("Responses"), _("Percent")])
    for r in data["distribution"]:
        book.row([f"{r['score']} · {r['label']}", r["count"], float(r["percent"])])
    book.ws.append([])
    book.row([_("Satisfaction with the hospital's services")], bordered=False)
    book.ws.cell(row=book.ws.max_row, column=1).font = book.bold
    book.header_row([_("Service"), _("Mean (1–5)"), _("Percent"), _("Level"), _("Responses")])
    for t in data["topics"]:
        book.row([t["name"], float(t["mean"]), float(t["percent"]), str(t["level"]), t["count"]])
    book.widths([48, 16, 16, 16, 16])
    return book.bytes()
