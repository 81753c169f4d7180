"""Run by its own timer every 5 minutes: e-mail ADMINS when the periodic jobs stop, and when they recover."""

from django.core.management.base import BaseCommand

from operations.alerts import check_jobs


class Command(BaseCommand):
    help = "Alert ADMINS (once per outage) when the periodic jobs have not run for JOBS_STALE_MINUTES."

    def handle(self, *args, **options):
        self.stdout.write(f"periodic jobs: {check_jobs()}")
