"""Check the log manifest's chain and every sealed file's hash; exit 1 on any problem."""

from django.core.management.base import BaseCommand, CommandError

from operations.logfiles import log_dir, verify


class Command(BaseCommand):
    help = "Verify the sealed traffic/sign-in logs: reports edited, replaced or removed files and manifest entries."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="log folder (default: TRAFFIC_LOG_DIR)")

    def handle(self, *args, **options):
        directory = options["dir"] or log_dir()
        problems, notes = verify(directory)
        for note in notes:
            self.stdout.write(f"note: {note}")
        if problems:
            for problem in problems:
                self.stderr.write(f"PROBLEM: {problem}")
            raise CommandError(f"{len(problems)} problem(s) in the logs of {directory}")
        self.stdout.write(f"OK: the manifest chain and every sealed file in {directory} are intact")
