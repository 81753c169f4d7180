"""Show and close the gap between Wagtail's admin strings and their Thai translations.

After a Wagtail upgrade: ``manage.py wagtail_thai`` lists the msgids that neither Wagtail's own
Thai catalogs nor ours translate; ``--update-sources`` adds them, untranslated, to
``locale/wagtail/src/<app>.po`` for a translator; ``--build`` merges the sources into the catalogs
Django reads and compiles them (and compiles our own ``locale/th`` catalog too).
"""

from django.core.management.base import BaseCommand, CommandError

from home import thai_catalog


class Command(BaseCommand):
    help = "List Wagtail admin strings missing in Thai; update the translation sources; build the catalogs."

    def add_arguments(self, parser):
        parser.add_argument("--update-sources", action="store_true", help="Add missing msgids to locale/wagtail/src/.")
        parser.add_argument("--build", action="store_true", help="Build and compile the catalogs Django reads.")
        parser.add_argument("--check", action="store_true", help="Exit with an error if any msgid is missing.")
        parser.add_argument("--verbose-list", action="store_true", help="Print every missing msgid.")

    def handle(self, *args, update_sources=False, build=False, check=False, verbose_list=False, **options):
        if update_sources:
            added = thai_catalog.write_sources(thai_catalog.wagtail_gaps())
            self.stdout.write(f"Added {added} new msgids to {thai_catalog.SOURCE_DIR} (translate them, then --build).")
        if build:
            counts = thai_catalog.build()
            compiled = thai_catalog.compile_project_catalog()
            self.stdout.write(
                "Built Wagtail supplement: "
                + ", ".join(f"{domain} {n} entries" for domain, n in counts.items())
                + "; compiled "
                + ", ".join(compiled or ["no project catalog"])
            )
        missing = thai_catalog.missing()
        total = len(thai_catalog.wagtail_gaps())
        by_part = {}
        for gap in missing:
            by_part.setdefault(gap.part, []).append(gap)
        self.stdout.write(
            f"Wagtail msgids without Thai in Wagtail's catalogs: {total}; still missing after ours: {len(missing)}"
        )
        for part, gaps in sorted(by_part.items()):
            self.stdout.write(f"  {part}: {len(gaps)}")
            if verbose_list:
                for gap in gaps:
                    self.stdout.write(f"    {gap.msgctxt + ' | ' if gap.msgctxt else ''}{gap.msgid!r}")
        if check and missing:
            raise CommandError(f"{len(missing)} Wagtail msgids have no Thai translation.")
