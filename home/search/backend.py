"""Wagtail's database search backend, with every typed query cut into Thai words first.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}``. The database backend
picks its implementation by database (SQLite FTS5, PostgreSQL full text); this wraps whichever it
picks so that a query string — from the public search page, the admin's page search or the choosers
— is segmented exactly as the index text is (``home.search.thai``). Query objects built in code
pass through unchanged. Autocomplete (type-ahead, e.g. the admin's page search) gets the same
treatment with its last word matched as a prefix (``thai.autocomplete_query``).
"""

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.query import PlainText

from home.search import thai


class ThaiQueryMixin:
    def search(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        if isinstance(query, str):
            query = thai.search_query(query, operator=(operator or "and").lower()) or ""
        return super().search(
            query, model_or_queryset, fields=fields, operator=operator, order_by_relevance=order_by_relevance
        )

    def autocomplete(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        if isinstance(query, PlainText):
            query = thai.autocomplete_query(query.query_string) or ""
        elif isinstance(query, str):
            query = thai.autocomplete_query(query) or ""
        return super().autocomplete(
            query, model_or_queryset, fields=fields, operator=operator, order_by_relevance=order_by_relevance
        )


_classes = {}


def SearchBackend(params):  # noqa: N802 — the name Wagtail looks for in a backend module
    database_backend = DatabaseSearchBackend(params)
    base = type(database_backend)
    if base not in _classes:
        _classes[base] = type(f"Thai{base.__name__}", (ThaiQueryMixin, base), {})
    return _classes[base](params)
