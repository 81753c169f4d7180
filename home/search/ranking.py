"""The ranked ids of a search: one statement per kind, driven by the full-text match.

Wagtail's own search (``queryset.search(...)``) filters the model's rows by a subquery of the index and,
on SQLite, ranks them by a *correlated* scalar subquery that runs the FTS5 ``MATCH`` again for every
candidate row: a common word matched by thousands of pages costs thousands of full-text searches (over
60 s at ten-year volume). Here the index is searched once and everything else hangs off that match:

- SQLite (FTS5): ``wagtailsearch_indexentry_fts MATCH ?`` joined to ``wagtailsearch_indexentry`` by rowid,
  the content types of the model, ``object_id IN (visible ids)``, ``ORDER BY bm25(...)``, ``LIMIT``.
- PostgreSQL: ``wagtailsearch_indexentry`` filtered first by the GIN indexes of ``title`` and ``body`` (any
  word of the query), then by the whole query over ``title || body`` (as Wagtail matches), the same
  content type and visibility conditions, ``ORDER BY ts_rank(...)``, ``LIMIT``.

The query is the Wagtail query tree that ``home.search.thai.search_query`` builds from the typed text
(words and sub-words, AND/OR), rendered as the engine's match syntax and passed as a bound parameter; the
visibility subquery is the Django queryset's own SQL and parameters. The rank is Wagtail's: the engine's
relevance (bm25 / ts_rank) weighted by the index entry's ``title_norm`` (short titles count more).
"""

from django.db import connections
from django.db.models import CharField
from django.db.models.functions import Cast

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import get_descendants_content_types_pks

MAX_HITS = 200
ENTRY_TABLE = IndexEntry._meta.db_table
FTS_TABLE = f"{ENTRY_TABLE}_fts"
# The columns of the FTS5 table are (autocomplete, body, title); a search looks at title and body only.
FTS_COLUMNS = "{title body}"


def engine():
    """``"sqlite"`` (FTS5), ``"postgresql"`` or ``None`` (another backend: Wagtail's own search is used)."""
    names = {cls.__name__ for cls in type(get_search_backend()).__mro__}
    if "SQLiteSearchBackend" in names:
        return "sqlite"
    if "PostgresSearchBackend" in names:
        return "postgresql"
    return None


def _terms(query):
    return [term for term in query.query_string.split() if term]


def _group(parts, joiner):
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else f"({joiner.join(parts)})"


def fts5_expression(query):
    """The FTS5 match expression of a query tree of ``PlainText``/``And``/``Or``; ``None`` if it has no word."""
    if isinstance(query, PlainText):
        terms = ['"{}"'.format(term.replace('"', '""')) for term in _terms(query)]
        joiner = " AND " if query.operator.lower() == "and" else " OR "
        return _group(terms, joiner)
    if isinstance(query, And | Or):
        parts = [part for part in (fts5_expression(sub) for sub in query.subqueries) if part]
        return _group(parts, " AND " if isinstance(query, And) else " OR ")
    raise TypeError(f"not a word query: {query!r}")


def _lexeme(term):
    return "'{}'".format(term.replace("\\", "\\\\").replace("'", "''"))


def tsquery_expression(query):
    """The ``to_tsquery`` text of a query tree of ``PlainText``/``And``/``Or``; ``None`` if it has no word."""
    if isinstance(query, PlainText):
        terms = [_lexeme(term) for term in _terms(query)]
        joiner = " & " if query.operator.lower() == "and" else " | "
        return _group(terms, joiner)
    if isinstance(query, And | Or):
        parts = [part for part in (tsquery_expression(sub) for sub in query.subqueries) if part]
        return _group(parts, " & " if isinstance(query, And) else " | ")
    raise TypeError(f"not a word query: {query!r}")


def any_word_tsquery(query):
    """Every word of the query joined by ``|``: what the GIN indexes can answer on their own."""
    words = []

    def collect(node):
        if isinstance(node, PlainText):
            words.extend(term for term in _terms(node) if term not in words)
        else:
            for sub in node.subqueries:
                collect(sub)

    collect(query)
    return " | ".join(_lexeme(word) for word in words) or None


def _visible_ids_sql(visible, connection):
    """The SQL and parameters of ``visible``'s ids as text (the index keeps object ids as text)."""
    ids = visible.order_by().annotate(id_text=Cast("pk", CharField())).values("id_text")
    return ids.query.get_compiler(connection=connection).as_sql()


def ranked_sql(model, visible, query, limit=MAX_HITS):
    """``(sql, params)`` of the ranked ids, or ``None`` when this database has no statement of its own."""
    kind = engine()
    if kind is None or not isinstance(query, PlainText | And | Or):
        return None
    connection = connections[visible.db]
    if connection.vendor != kind:
        return None
    visible_sql, visible_params = _visible_ids_sql(visible, connection)
    content_types = get_descendants_content_types_pks(model)
    types_sql = ", ".join(["%s"] * len(content_types))
    if kind == "sqlite":
        match = fts5_expression(query)
        if match is None:
            return None
        sql = (
            f"SELECT e.object_id FROM {FTS_TABLE} "  # noqa: S608 — table names are constants, values are bound
            f"JOIN {ENTRY_TABLE} e ON e.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND e.content_type_id IN ({types_sql}) "
            f"AND e.object_id IN ({visible_sql}) "
            f"ORDER BY bm25({FTS_TABLE}) * (1.0 + e.title_norm), e.id DESC LIMIT %s"
        )
        return sql, [f"{FTS_COLUMNS} : {match}", *content_types, *visible_params, limit]
    match = tsquery_expression(query)
    if match is None:
        return None
    # MATERIALIZED, both: the GIN indexes go first and the visible ids are computed once. Left to itself
    # the planner, which cannot estimate the visibility subquery (it guesses one row for 20,000 pages),
    # walks every visible page through the (content type, object id) index (2.6 s for a common word at
    # volume), or re-runs the visible-documents subquery for each matched entry (minutes).
    sql = (
        f"WITH matched AS MATERIALIZED (SELECT e.id, e.object_id, e.title, e.body, e.title_norm "  # noqa: S608 — see above
        f"FROM {ENTRY_TABLE} e, to_tsquery(%s) qa WHERE (e.title @@ qa OR e.body @@ qa) "
        f"AND e.content_type_id IN ({types_sql})), "
        f"visible AS MATERIALIZED ({visible_sql}) "
        "SELECT m.object_id FROM matched m, to_tsquery(%s) q "
        "WHERE (m.title || m.body) @@ q AND m.object_id IN (SELECT id_text FROM visible) "
        "ORDER BY ts_rank(m.title, q) * m.title_norm + ts_rank(m.body, q) DESC, m.id DESC LIMIT %s"
    )
    return sql, [any_word_tsquery(query), *content_types, *visible_params, match, limit]


def ranked_ids(model, visible, query, limit=MAX_HITS):
    """The ids (integers) of at most ``limit`` rows of ``visible`` matching ``query``, best first.

    ``None`` when this database has no statement of its own (the caller falls back on Wagtail's search).
    """
    statement = ranked_sql(model, visible, query, limit)
    if statement is None:
        return None
    with connections[visible.db].cursor() as cursor:
        cursor.execute(*statement)
        rows = cursor.fetchall()
    ids = []
    for (object_id,) in rows:
        pk = int(object_id)
        if pk not in ids:  # a row indexed under two content types counts once
            ids.append(pk)
    return ids
