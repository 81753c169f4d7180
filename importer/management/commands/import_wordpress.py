"""manage.py import_wordpress EXPORT.xml --mapping MAPPING.toml [--media-dir DIR] [--dry-run] [--xlsx REPORT.xlsx]"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from importer.mapping import MappingError, load_mapping
from importer.wordpress import WXRError, read_wxr
from importer.wordpress_import import WordPressImport


class Command(BaseCommand):
    help = "Import posts, pages and files of a WordPress export (WXR), with redirects from the old addresses."

    def add_arguments(self, parser):
        parser.add_argument("export", help="the WXR file from WordPress › Tools › Export")
        parser.add_argument("--mapping", required=True, help="TOML file: where posts and pages go (docs/importer.md)")
        parser.add_argument("--media-dir", help="the copy of wp-content/uploads with the files")
        parser.add_argument("--dry-run", action="store_true", help="report what would happen, save nothing")
        parser.add_argument("--xlsx", default="wordpress-import-report.xlsx", help="where the XLSX report goes")
        parser.add_argument("--user", help="username recorded as having done the import")

    def handle(self, *args, **options):
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("--user: there is no user “%(name)s”.") % {"name": options["user"]})
        try:
            mapping = load_mapping(options["mapping"])
        except MappingError as error:
            raise CommandError(_("The mapping file cannot be used:") + "\n" + "\n".join(error.problems)) from error
        try:
            wxr = read_wxr(options["export"])
        except OSError as error:
            raise CommandError(_("Cannot read the export file: %(error)s") % {"error": error}) from error
        except WXRError as error:
            raise CommandError(_("The file is not a WordPress export (WXR): %(error)s") % {"error": error}) from error
        media_dir = options["media_dir"]
        if media_dir and not Path(media_dir).is_dir():
            raise CommandError(_("--media-dir: no folder at %(path)s.") % {"path": media_dir})
        report = WordPressImport(wxr, mapping, media_dir=media_dir, dry_run=options["dry_run"], user=user).run()
        for line in report.lines():
            self.stdout.write(line)
        Path(options["xlsx"]).write_bytes(report.workbook())
        self.stdout.write(_("XLSX report: %(path)s") % {"path": options["xlsx"]})
