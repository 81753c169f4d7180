"""Which items a search finds, in which order: everything decided in the database, then cached briefly.

Visibility is part of the SQL of the search itself, never a Python list of ids: pages are the live,
public, unexpired pages of the site (a subquery), documents those that a visible page attaches
(a subquery on Wagtail's reference index) and that are in no private collection (an ``EXISTS`` on
the collection view restrictions, matched by tree path). Each search reads only light columns of at
most ``MAX_HITS`` hits of each kind, already ranked by the database; the fiscal year of the page
hits comes from one ``values`` query per page type found, the section of the document hits from one
query on the reference index of those hits. The result — a list of small ``Candidate`` tuples — is
what filters, facets and pages work on, and it is cached for ``SEARCH_CACHE_SECONDS`` (60 s) under
the normalised query; any publish, unpublish, move, delete, document or restriction change moves a
cache version (``bump_version``), so a change is searchable at once.
"""

import hashlib
import time
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import CharField, Exists, F, IntegerField, OuterRef
from django.db.models.functions import Cast, Length, Substr
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex

from home import thai_dates
from home.search import ranking, thai

MAX_HITS = 200
VERSION_KEY = "search:version"


@dataclass(frozen=True)
class Candidate:
    """One hit as the ranking, filters and facets see it; the page of results is built from these."""

    kind: str  # "page" or "document"
    pk: int
    title: str
    section_id: int | None
    fiscal_year: int | None
    title_match: bool
    position: float
    attached: tuple = ()  # for a document: the visible pages attaching it (ids, in tree order, at most 3)

    @property
    def sort_key(self):
        # Items whose title holds every word come first, the shortest (most to the point) first: a
        # section called "จัดซื้อจัดจ้าง" before each of its items; then the database's own ranking.
        return (not self.title_match, len(self.title) if self.title_match else 0, self.position)


@dataclass
class Found:
    candidates: list
    partial: bool = False


# -- what may be found ---------------------------------------------------------------------


def visible_pages(root):
    """Pages anyone may open: live, public, not past their expiry, on this site."""
    now = timezone.now()
    return Page.objects.live().public().descendant_of(root, inclusive=True).exclude(expire_at__lte=now)


def _page_ids_as_text(pages):
    # The reference index keeps object ids as text: compare text with text on every database.
    return pages.annotate(id_text=Cast("id", CharField())).values("id_text")


def _private_collections():
    """Collections that are, or are below, a collection with a view restriction (an ``EXISTS`` by tree path)."""
    from wagtail.models import Collection

    return Collection.objects.filter(
        Exists(
            CollectionViewRestriction.objects.annotate(
                prefix=Substr(OuterRef("path"), 1, Length("collection__path"))
            ).filter(collection__path=F("prefix"))
        )
    ).values("pk")


def _document_references(pages):
    Document = get_document_model()
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=_page_ids_as_text(pages),
        to_content_type=ContentType.objects.get_for_model(Document),
    )


def visible_documents(pages):
    """Documents attached to one of ``pages`` (any field, block or rich-text link) and in no private collection.

    One queryset: the attachment test and the collection test are subqueries of the same SQL.
    """
    Document = get_document_model()
    attached_ids = (
        _document_references(pages).annotate(document_id=Cast("to_object_id", IntegerField())).values("document_id")
    )
    return Document.objects.filter(pk__in=attached_ids).exclude(collection__in=_private_collections())


# -- ranking -------------------------------------------------------------------------------


@lru_cache(maxsize=20_000)
def _title_words(title):
    return frozenset(thai.index_text(title).split())


def title_matches(title, words):
    title_words = _title_words(title)
    for word in words:
        parts = thai.subwords(word, depth=1)
        if word not in title_words and not (parts and set(parts) <= title_words):
            return False
    return True


def _ranked(model, visible, text, operator, fields):
    """The first ``MAX_HITS`` rows (``fields`` only) of ``visible`` matching ``text``, best first.

    On SQLite with FTS5 and on PostgreSQL the match drives one ranked statement (``home.search.ranking``):
    the index is searched once, visibility is a subquery of that statement. Anywhere else (SQLite
    without FTS5): Wagtail's own search of ``visible``.
    """
    query = thai.search_query(text, operator=operator)
    if query is None:
        return []
    ids = ranking.ranked_ids(model, visible, query, MAX_HITS)
    if ids is None:
        results = model.objects.filter(pk__in=visible.values("pk")).search(text, operator=operator)
        return list(results.get_queryset().values_list(*fields)[:MAX_HITS])
    rows = {row[0]: row for row in model.objects.filter(pk__in=ids).values_list(*fields)}
    return [rows[pk] for pk in ids if pk in rows]


def _section_id(path, root, sections):
    if len(path) <= len(root.path):
        return None
    return sections.get(path[: len(root.path) + Page.steplen])


def _page_fiscal_years(rows):
    """{page id: fiscal year of its data} in one light query per page type among ``rows``."""
    by_type = {}
    for pk, _title, _path, content_type_id, _published in rows:
        by_type.setdefault(content_type_id, []).append(pk)
    years = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        names = {f.name for f in model._meta.get_fields()} if model else set()
        if "fiscal_year" in names:
            years.update(model.objects.filter(pk__in=ids).values_list("pk", "fiscal_year"))
        elif "period_start" in names:
            for pk, start in model.objects.filter(pk__in=ids).values_list("pk", "period_start"):
                years[pk] = thai_dates.fiscal_year(start) if start else None
    return years


def _page_candidates(pages, text, operator, words, root, sections):
    rows = _ranked(Page, pages, text, operator, ("pk", "title", "path", "content_type_id", "first_published_at"))
    years = _page_fiscal_years(rows)
    found = []
    for position, (pk, title, path, _ct, published) in enumerate(rows):
        fy = years.get(pk) or (thai_dates.fiscal_year(published) if published else None)
        found.append(
            Candidate(
                kind="page",
                pk=pk,
                title=title,
                section_id=_section_id(path, root, sections) if pk != root.pk else None,
                fiscal_year=fy,
                title_match=title_matches(title, words),
                position=position / max(len(rows), 1),
            )
        )
    return found


def _document_candidates(visible, text, operator, words, root, sections):
    Document = get_document_model()
    rows = _ranked(Document, visible_documents(visible), text, operator, ("pk", "title", "period_start", "created_at"))
    if not rows:
        return []
    # The pages attaching these hits, driven by the hits' ids (an index on the reference index); which of
    # those pages are visible is the second query. Filtering the references by the visibility subquery
    # instead made SQLite walk every visible page (1.9 s at volume).
    references = (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(Document),
            to_object_id__in=[str(row[0]) for row in rows],
        )
        .values_list("to_object_id", "object_id")
        .distinct()
    )
    pages_of = {}
    for document_id, page_id in references:
        pages_of.setdefault(int(document_id), set()).add(int(page_id))
    attaching = {pk for ids in pages_of.values() for pk in ids}
    paths = dict(visible.filter(pk__in=attaching).order_by().values_list("pk", "path"))
    found = []
    for position, (pk, title, period_start, created_at) in enumerate(rows):
        attached = sorted((paths[p], p) for p in pages_of.get(pk, ()) if p in paths)
        found.append(
            Candidate(
                kind="document",
                pk=pk,
                title=title,
                section_id=_section_id(attached[0][0], root, sections) if attached else None,
                fiscal_year=thai_dates.fiscal_year(period_start or created_at),
                title_match=title_matches(title, words),
                position=position / max(len(rows), 1),
                attached=tuple(p for _path, p in attached[:3]),
            )
        )
    return found


def sections_of(root):
    """{path: page id} of the site's top-level sections (live and public)."""
    return dict((path, pk) for pk, path in root.get_children().live().public().values_list("pk", "path"))


def _search(text, root):
    visible = visible_pages(root)
    pages = visible
    sections = sections_of(root)
    words = thai.words(text)
    found = Found([])
    for operator in ("and", "or"):
        if operator == "or" and len(set(words)) < 2:
            break
        candidates = _page_candidates(pages, text, operator, words, root, sections)
        candidates += _document_candidates(visible, text, operator, words, root, sections)
        found = Found(sorted(candidates, key=lambda c: c.sort_key), partial=operator == "or")
        if candidates:
            break
    return found


# -- the short cache -----------------------------------------------------------------------


def cache_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def _new_version():
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def bump_version(**_kwargs):
    """Forget every cached search: what may be found has changed (a signal receiver).

    Moved at once and again when the transaction commits: a search run by another request in
    between still saw the old rows, and must not stay cached under the new version.
    """
    _new_version()
    transaction.on_commit(_new_version)


def normalised(text):
    """The cache key's form of a query: the words it is searched by, in order."""
    return " ".join(thai.words(text))


def find(text, root):
    """The candidates for ``text`` under ``root`` (best first), from the cache when it was searched lately."""
    seconds = getattr(settings, "SEARCH_CACHE_SECONDS", 60)
    if not seconds:
        return _search(text, root)
    digest = hashlib.sha256(normalised(text).encode()).hexdigest()
    key = f"search:{cache_version()}:{root.pk}:{digest}"
    found = cache.get(key)
    if found is None:
        found = _search(text, root)
        cache.set(key, found, timeout=seconds)
    return found


def _watched(instance):
    from wagtail.models import Collection, PageViewRestriction

    return isinstance(
        instance,
        (Page, get_document_model(), PageViewRestriction, CollectionViewRestriction, Collection, ReferenceIndex),
    )


def _bump_on_change(sender, instance, **kwargs):
    if _watched(instance):
        bump_version()


def connect_signals():
    """What may be found changes: publish, unpublish, move, delete, documents, restrictions, attachments."""
    from django.db.models.signals import post_delete, post_save

    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(bump_version, dispatch_uid="search_cache_published")
    page_unpublished.connect(bump_version, dispatch_uid="search_cache_unpublished")
    post_page_move.connect(bump_version, dispatch_uid="search_cache_moved")
    post_save.connect(_bump_on_change, dispatch_uid="search_cache_saved")
    post_delete.connect(_bump_on_change, dispatch_uid="search_cache_deleted")
