"""Restore a backup made by ``manage.py backup``: replaces the database, writes back media and complaint files.

Destructive, so it refuses without --yes; it refuses a damaged backup (SHA-256 of any file differs from
the manifest) or one of another database engine before touching anything. Stop the app servers and the
periodic jobs first (docs/production.md has the procedure).
"""

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore the database, media and complaint attachments from a backup archive (needs --yes)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup archive (hodsite-backup-….tar).")
        parser.add_argument("--yes", action="store_true", help="Confirm: the current database is replaced.")

    def handle(self, *args, path, yes=False, **options):
        if not yes:
            raise CommandError(
                "Restore replaces the whole database: run again with --yes to confirm "
                "(การกู้คืนจะแทนที่ฐานข้อมูลทั้งหมด ยืนยันด้วย --yes)."
            )
        try:
            summary = restore_backup(path)
        except BackupError as error:
            raise CommandError(f"Restore failed (กู้คืนไม่สำเร็จ): {error}")
        try:
            cache.clear()  # pages cached before the restore must not be served from the cache
        except Exception as error:  # a cache that is down does not undo the restore
            self.stderr.write(f"Cache not cleared: {error}")
        self.stdout.write(
            f"Restored the backup of {summary['created_at']}: {summary['tables']} tables, "
            f"{summary['files_written']} files written back."
        )
