"""Files the site prints: PDFs rendered by WeasyPrint in Sarabun, spreadsheets styled for Thai offices.

Every app's paperwork (request forms, reports, แบบ สขร.1, ITA evidence, statistics) uses these two
helpers, so fonts, page set-up and the spreadsheet look are the same in every file.
"""

from django.template.loader import render_to_string

from home.fonts import font_path

PDF_CONTENT_TYPE = "application/pdf"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
# Offices type Thai government documents in TH SarabunPSK; the PDFs embed Sarabun, the same design.
XLSX_FONT = "TH SarabunPSK"


def render_pdf(template, context):
    """Render a Django template to PDF bytes; the template gets ``font_regular`` and ``font_bold``."""
    from weasyprint import HTML

    html = render_to_string(
        template,
        {**context, "font_regular": font_path("Regular").as_uri(), "font_bold": font_path("Bold").as_uri()},
    )
    return HTML(string=html).write_pdf()


class ThaiWorkbook:
    """An openpyxl workbook with the styles every export uses (TH SarabunPSK 14, thin borders, wrap).

    ``book.ws`` is the active sheet; ``title_row``, ``header_row`` and ``row`` write styled rows;
    ``widths`` sets column widths; ``bytes()`` returns the file.
    """

    def __init__(self, title):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.wb = Workbook()
        self.ws = self.wb.active
        self.ws.title = str(title)[:31]
        self.font = Font(name=XLSX_FONT, size=14)
        self.bold = Font(name=XLSX_FONT, size=14, bold=True)
        self.title_font = Font(name=XLSX_FONT, size=16, bold=True)
        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.fill = PatternFill("solid", fgColor="E3F1EC")

    def sheet(self, title):
        """Add another sheet and make it the one ``row`` writes to."""
        self.ws = self.wb.create_sheet(str(title)[:31])
        return self.ws

    def widths(self, widths):
        from openpyxl.utils import get_column_letter

        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width

    def title_row(self, text):
        self.ws.append([str(text)])
        self.ws.cell(row=self.ws.max_row, column=1).font = self.title_font

    def header_row(self, values):
        self.ws.append([str(v) for v in values])
        for cell in self.ws[self.ws.max_row]:
            cell.font, cell.border, cell.alignment, cell.fill = self.bold, self.border, self.centre, self.fill

    def row(self, values, *, bordered=True, number_format=None):
        self.ws.append(list(values))
        for cell in self.ws[self.ws.max_row]:
            cell.font, cell.alignment = self.font, self.wrap
            if bordered:
                cell.border = self.border
            if number_format and isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                cell.number_format = number_format

    def bytes(self):
        import io

        buffer = io.BytesIO()
        self.wb.save(buffer)
        return buffer.getvalue()
