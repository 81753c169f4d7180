"""Write the monthly (R3.1) or annual (MOIT 1.2) publication report to a PDF or XLSX file.

    manage.py publication_report --month 2569-01 --format pdf --output report.pdf
    manage.py publication_report --month 2026-01 --format xlsx --output report.xlsx
    manage.py publication_report --fiscal-year 2569 --format pdf --output fy2569.pdf

Years of 2400 and later are read as Buddhist Era (พ.ศ.), earlier ones as Common Era. Read-only: it
writes nothing to the database, only the output file.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from publishing import exports
from publishing.paperwork.periods import PeriodError, parse_fiscal_year, parse_month
from publishing.paperwork.report import annual_report, monthly_report


class Command(BaseCommand):
    help = "Write the publication report of a month (--month 2569-01) or fiscal year (--fiscal-year 2569)."

    def add_arguments(self, parser):
        period = parser.add_mutually_exclusive_group(required=True)
        period.add_argument("--month", help="YYYY-MM, Buddhist Era (2569-01) or Common Era (2026-01)")
        period.add_argument("--fiscal-year", help="the Buddhist-Era fiscal year, e.g. 2569 (Oct 2568 – Sep 2569)")
        parser.add_argument("--format", choices=["pdf", "xlsx"], default="pdf")
        parser.add_argument("--output", required=True, help="file to write")

    def handle(self, *args, month=None, fiscal_year=None, format="pdf", output=None, **options):
        try:
            if month is not None:
                data = monthly_report(*parse_month(month))
            else:
                data = annual_report(parse_fiscal_year(fiscal_year))
        except PeriodError as error:
            raise CommandError(str(error)) from None
        content = exports.report_pdf(data) if format == "pdf" else exports.report_xlsx(data)
        path = Path(output)
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"เขียนไฟล์ไม่ได้ / cannot write {path}: {error.strerror}") from None
        self.stdout.write(f"{data['title']} {data['period_label']}: {len(data['rows'])} rows → {path}")
