"""Seal newly rotated traffic/sign-in logs into the hash-chained manifest and expire old ones (daily)."""

from django.conf import settings
from django.core.mail import mail_admins
from django.core.management.base import BaseCommand, CommandError

from operations.logfiles import ManifestError, log_dir, retention_days, seal


class Command(BaseCommand):
    help = "Seal rotated log files (SHA-256, chained) and delete sealed files older than the retention."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="log folder (default: TRAFFIC_LOG_DIR)")
        parser.add_argument("--mail-head", action="store_true", help="e-mail the new chain hash to ADMINS")

    def handle(self, *args, **options):
        directory = options["dir"] or log_dir()
        try:
            sealed, expired, head = seal(directory)
        except ManifestError as error:
            raise CommandError(f"The manifest in {directory} is broken, nothing sealed: {error}")
        for name in sealed:
            self.stdout.write(f"sealed {name}")
        for name in expired:
            self.stdout.write(f"expired {name} (older than {retention_days()} days)")
        self.stdout.write(f"chain head {head}")
        if options["mail_head"] and sealed and settings.ADMINS:
            mail_admins("log manifest chain head", f"{directory}/manifest.jsonl\nchain head: {head}\n")
