"""manage.py import_documents FOLDER SHEET.xlsx|SHEET.csv [--dry-run] [--xlsx REPORT.xlsx]"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from importer.documents_import import DocumentsImport
from importer.sheet import SheetError


class Command(BaseCommand):
    help = "Import documents described by a spreadsheet as item pages (all rows or none), with ITA evidence."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the folder holding the files the sheet names")
        parser.add_argument("sheet", help=".xlsx or .csv, one row per document (docs/importer.md)")
        parser.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
        parser.add_argument("--xlsx", default="documents-import-report.xlsx", help="where the XLSX report goes")
        parser.add_argument("--user", help="username recorded as having done the import")

    def handle(self, *args, **options):
        if not Path(options["folder"]).is_dir():
            raise CommandError(_("There is no folder at %(path)s.") % {"path": options["folder"]})
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("--user: there is no user “%(name)s”.") % {"name": options["user"]})
        job = DocumentsImport(options["folder"], options["sheet"], user=user)
        try:
            if options["dry_run"]:
                rows = job.check()
                bad = [row for row in rows if row.errors]
                report = job.report
                report.dry_run = True
            else:
                report, bad = job.run()
        except SheetError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(_("Cannot read the sheet: %(error)s") % {"error": error}) from error
        if bad:
            for row in bad:
                for message in row.errors:
                    self.stderr.write(message)
            Path(options["xlsx"]).write_bytes(job.refusals(bad).workbook())
            self.stderr.write(_("XLSX report: %(path)s") % {"path": options["xlsx"]})
            raise CommandError(
                _("%(count)d row(s) cannot be imported, so nothing was imported. Correct them and run again.")
                % {"count": len(bad)}
            )
        if options["dry_run"]:
            self.stdout.write(
                _("Every row can be imported (%(count)d). Dry run: nothing was saved.") % {"count": len(rows)}
            )
            return
        for line in report.lines():
            self.stdout.write(line)
        Path(options["xlsx"]).write_bytes(report.workbook())
        self.stdout.write(_("XLSX report: %(path)s") % {"path": options["xlsx"]})
