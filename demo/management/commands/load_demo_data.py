"""Build the demo Hod Hospital: page tree for every R1 category, Thai content, images, accounts.

Safety: refuses to run unless DEBUG is on (it creates accounts with a published password).
Idempotent: it only creates what is missing, so running it again keeps everything already there,
including editors' changes. ``--dry-run`` reports what it would create without writing.

The hospital's own part is ``demo.loaders.hospital``; every other area (``demo.loaders.AREAS``)
contributes its categories through ``load(builder)`` (see ``demo.builder``), and may link to what
later areas created in an optional second phase ``finish(builder)``. The content is data in
``demo/data/*.toml``. It leaves the search index built (``update_index`` when the index does not hold
Thai words yet).
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Site

from demo.builder import DemoBuilder
from demo.loaders import AREAS, hospital
from home.models import HomePage
from home.search.status import index_is_thai


class Command(BaseCommand):
    help = "Load the demo Hod Hospital site (DEBUG only; idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would be created; write nothing.")

    def handle(self, *args, dry_run=False, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo_data runs only with DEBUG on: it creates demo accounts with a public password."
            )
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("No default site: run migrate first.")
        if not isinstance(site.root_page.specific, HomePage):
            raise CommandError("The default site's root is not a HomePage.")
        with transaction.atomic():
            if site.site_name != "โรงพยาบาลฮอด":
                site.site_name = "โรงพยาบาลฮอด"
                site.save()
            builder = DemoBuilder(site, stdout=self.stdout)
            hospital.load(builder)
            for module in AREAS:
                module.load(builder)
            # Second phase: an area may link to what areas loaded after it created (optional ``finish``).
            for module in AREAS:
                if hasattr(module, "finish"):
                    module.finish(builder)
            hospital.finish(builder)
            if dry_run:
                transaction.set_rollback(True)
        if not dry_run and not index_is_thai(site.root_page):
            # Pages and documents are indexed as they are saved; an index built before Thai word
            # segmentation (or never built) is rebuilt here, so the search works after `make run`.
            call_command("update_index", stdout=self.stdout)
        verb = "Would create" if dry_run else "Created"
        if builder.created:
            self.stdout.write(f"{verb} {len(builder.created)} objects:")
            for item in builder.created:
                self.stdout.write(f"  + {item}")
        else:
            self.stdout.write("Demo data already present; nothing to do.")
