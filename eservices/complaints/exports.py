"""The complaint statistics of a round as an XLSX file: the same tables as the public page, with Thai
headings, in the site's workbook style (``home.exports.ThaiWorkbook``). Counts only, no personal data."""

from django.utils.translation import gettext as _

from home import thai_dates
from home.exports import ThaiWorkbook


def statistics_xlsx_bytes(stats):
    """One sheet: title, period, then a table per breakdown (type, status, channel, month received)."""
    book = ThaiWorkbook(_("Complaint statistics"))
    book.title_row(
        _("Complaint statistics, %(round)s, %(year)s")
        % {"round": stats["round_label"], "year": thai_dates.fiscal_year_label(stats["fiscal_year"])}
    )
    book.row(
        [
            _("Period: %(start)s – %(end)s. Counted by the complaint system; no personal data.")
            % {"start": thai_dates.thai_date(stats["start"]), "end": thai_dates.thai_date(stats["end"])}
        ],
        bordered=False,
    )
    book.ws.append([])

    def table(heading, rows):
        book.header_row([heading, *stats["kinds"], _("Total")])
        for row in rows:
            book.row([row["label"], *row["counts"], row["total"]])
        book.ws.append([])

    table(_("Type"), [{"label": _("All complaints"), "counts": stats["totals"], "total": stats["total"]}])
    table(_("Status"), stats["by_status"])
    table(_("Channel"), stats["by_channel"])
    table(_("Month received"), stats["by_month"])
    book.widths([34, 22, 22, 22])
    return book.bytes()
