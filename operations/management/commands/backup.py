"""Back up the site: database, media and complaint attachments in one timestamped archive (operations.backup).

Run it daily from a systemd timer or cron (docs/production.md); safe while the site runs. Prints the
backup's path as the last line, then keeps only the newest --keep backups (BACKUP_KEEP, 14 by default).
"""

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Write one backup (database, media, complaint attachments, manifest) and delete the oldest beyond --keep."

    def add_arguments(self, parser):
        parser.add_argument("--dest", help="Folder for the backups (default: the BACKUP_DIR setting).")
        parser.add_argument("--keep", type=int, help="How many backups to keep (default: the BACKUP_KEEP setting).")

    def handle(self, *args, dest=None, keep=None, **options):
        if keep is not None and keep < 1:
            raise CommandError("--keep must be at least 1 (ต้องเก็บสำรองไว้อย่างน้อย 1 ชุด).")
        try:
            path = create_backup(dest=dest, keep=keep)
        except BackupError as error:
            raise CommandError(f"Backup failed (สำรองข้อมูลไม่สำเร็จ): {error}")
        self.stdout.write(str(path))
