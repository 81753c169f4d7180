"""Create departments, their editor and head groups, the Webmasters and Director groups, page
permissions per section and one two-step workflow per section, from the responsibility table
(``publishing/data/responsibilities.json``). Idempotent; ``--dry-run`` shows what it would do.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from publishing.setup import setup_roles


class Command(BaseCommand):
    help = "Set up roles, permissions and workflows from the responsibility table (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            report = setup_roles()
            if dry_run:
                transaction.set_rollback(True)
        for line in report.created:
            self.stdout.write(("would create " if dry_run else "created ") + line)
        for line in report.warnings:
            self.stderr.write("warning: " + line)
        if not report.created:
            self.stdout.write("Roles, permissions and workflows already match the responsibility table.")
