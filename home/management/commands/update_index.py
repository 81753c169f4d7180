"""Wagtail's ``update_index``, then every cached search forgotten (``home.search.query``).

A rebuilt index can find what the cached results missed (e.g. after changing how Thai text is
segmented), so the short search cache must not outlive it.
"""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from home.search.query import bump_version


class Command(WagtailUpdateIndex):
    def handle(self, *args, **options):
        result = super().handle(*args, **options)
        bump_version()
        return result
