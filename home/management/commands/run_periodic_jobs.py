"""Run the site's periodic jobs (publish scheduled pages, take down expired ones, reminders).

Production runs it once a minute from cron or a systemd timer (see README); ``make run`` starts it
with ``--loop``. Safe to run twice at once, and on every app server at once: a second runner finds the
host's lock or the database lease (``home.periodic``) taken and skips that run.
"""

import time

from django.core.management.base import BaseCommand

from home.periodic import JOBS, run_all, runner_lock


class Command(BaseCommand):
    help = "Run the periodic jobs once, or every --interval seconds with --loop."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running, every --interval seconds.")
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs with --loop (default 60).")
        parser.add_argument("--list", action="store_true", help="List the registered jobs and exit.")

    def handle(self, *args, loop=False, interval=60, list=False, **options):
        if list:
            for name, job in JOBS.items():
                self.stdout.write(f"{name}: {(job.__doc__ or '').strip().splitlines()[0]}")
            return
        while True:
            with runner_lock() as acquired:
                if acquired:
                    results = run_all(stdout=self.stdout)
                    self.stdout.write("periodic jobs: " + ", ".join(f"{k}={v}" for k, v in results.items()))
                else:
                    self.stdout.write("Another periodic-jobs runner is active; skipping this run.")
            if not loop:
                return
            time.sleep(max(5, interval))
