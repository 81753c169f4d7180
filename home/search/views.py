"""The public search page at /search/: pages and documents, in Thai words, live and public only.

What a visitor can find is exactly what they could open: live pages of this site that have no view
restriction (no private or password pages) and whose expiry has not passed, and documents attached
to such a page (through any field, StreamField block or rich-text link, as Wagtail's reference
index records) that are not in a private collection. Results show their type, date (พ.ศ.) and
section, and can be narrowed by section and fiscal year. The number of queries does not grow with
the number of results (at most ``MAX_HITS`` of each kind are considered).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import CharField
from django.db.models.functions import Cast
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex, Site

from home import thai_dates
from home.abuse import rate_limited
from home.search import thai

MAX_QUERY_LENGTH = 200
# Searches suggested before a search and when nothing was found (translated: they are Thai words).
EXAMPLES = [_("procurement"), _("complaint"), _("citizen guide"), _("news"), _("action plan")]
PER_PAGE = 10
MAX_HITS = 200
SUMMARY_CHARS = 220
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]+")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Your search is too long: use at most %(limit_value)d characters.")},
    )

    def __init__(self, data):
        # Control characters (a NUL byte breaks PostgreSQL) become spaces before anything else.
        data = data.copy()
        if "q" in data:
            data["q"] = CONTROL_CHARACTERS.sub(" ", data["q"])
        super().__init__(data)


@dataclass
class Hit:
    """One search result, page or document, with what the result list shows."""

    kind: str
    title: str
    url: str
    type_label: str
    date: object
    fiscal_year: int | None
    section: Page | None
    summary: str = ""
    file_label: str = ""
    attached_to: list = field(default_factory=list)
    title_match: bool = False
    position: float = 0.0


def visible_pages(root):
    """Pages anyone may open: live, public, not past their expiry, on this site."""
    now = timezone.now()
    return Page.objects.live().public().descendant_of(root, inclusive=True).exclude(expire_at__lte=now)


def _private_collection_ids():
    restricted = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not restricted:
        return set()
    from wagtail.models import Collection

    ids = set()
    for collection in Collection.objects.only("id", "path"):
        if any(collection.path.startswith(path) for path in restricted):
            ids.add(collection.id)
    return ids


def visible_documents(pages):
    """Documents attached to one of ``pages`` and outside private collections.

    Returns ``(queryset, attachments)`` where ``attachments`` maps a document id to the ids of the
    visible pages it is attached to (for the "attached to" line and the section of the result).
    """
    Document = get_document_model()
    page_ids = pages.annotate(id_text=Cast("id", CharField())).values("id_text")
    references = (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=page_ids,
            to_content_type=ContentType.objects.get_for_model(Document),
        )
        .values_list("to_object_id", "object_id")
        .distinct()
    )
    attachments = {}
    for document_id, page_id in references:
        if document_id.isdigit() and page_id.isdigit():
            attachments.setdefault(int(document_id), []).append(int(page_id))
    documents = Document.objects.filter(id__in=list(attachments))
    private = _private_collection_ids()
    if private:
        documents = documents.exclude(collection__in=private)
    return documents, attachments


def _section_of(path, root, sections):
    if len(path) <= len(root.path):
        return None
    return sections.get(path[: len(root.path) + Page.steplen])


@lru_cache(maxsize=20_000)
def _title_words(title):
    return frozenset(thai.index_text(title).split())


def _title_matches(title, words):
    title_words = _title_words(title)
    for word in words:
        parts = thai.subwords(word, depth=1)
        if word not in title_words and not (parts and set(parts) <= title_words):
            return False
    return True


def highlight(text, words):
    """``text`` escaped, with the searched words marked (``<mark>``)."""
    if not text:
        return ""
    lowered = thai.normalize(text)
    if len(lowered) != len(text):  # normalising changed the length: offsets would not line up
        return escape(text)
    spans = []
    for word in sorted(set(words), key=len, reverse=True):
        for match in re.finditer(re.escape(word), lowered):
            spans.append(match.span())
    spans.sort()
    out, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece is escaped above


def _page_hits(pages, query, root, sections, request, operator):
    ids = [p.pk for p in pages.search(query, operator=operator)[:MAX_HITS]]
    specific = Page.objects.filter(pk__in=ids).specific().in_bulk() if ids else {}
    hits = []
    for position, pk in enumerate(ids):
        page = specific.get(pk)
        if page is None:
            continue
        published = page.first_published_at or page.last_published_at
        fy = getattr(page, "period_fiscal_year", None) or (thai_dates.fiscal_year(published) if published else None)
        summary = getattr(page, "intro", "") or page.search_description or ""
        hits.append(
            Hit(
                kind="page",
                title=page.title,
                url=page.get_url(request) or "",
                type_label=str(page._meta.verbose_name),
                date=published,
                fiscal_year=fy,
                section=_section_of(page.path, root, sections) if page.pk != root.pk else None,
                summary=summary,
                position=position / max(len(ids), 1),
            )
        )
    return hits


def _document_hits(documents, attachments, query, root, sections, request, operator):
    found = list(documents.search(query, operator=operator)[:MAX_HITS])
    page_ids = {pid for doc in found for pid in attachments.get(doc.pk, [])}
    pages = Page.objects.filter(pk__in=page_ids).only("id", "title", "path", "url_path", "depth").in_bulk()
    hits = []
    for position, doc in enumerate(found):
        attached = sorted((pages[pid] for pid in attachments.get(doc.pk, []) if pid in pages), key=lambda p: p.path)
        period = getattr(doc, "period_start", None)
        hits.append(
            Hit(
                kind="document",
                title=doc.title,
                url=doc.url,
                type_label=_("Document"),
                date=doc.created_at,
                fiscal_year=thai_dates.fiscal_year(period or doc.created_at),
                section=_section_of(attached[0].path, root, sections) if attached else None,
                summary=getattr(doc, "description", "") or Truncator(getattr(doc, "search_text", "")).chars(300),
                file_label=f"{doc.file_type_label} · {doc.file_size_label}".strip(" ·"),
                attached_to=[(p.title, p.get_url(request)) for p in attached[:3]],
                position=position / max(len(found), 1),
            )
        )
    return hits


@dataclass
class Outcome:
    hits: list
    partial: bool = False


def run_search(request, text, root):
    """Every hit for ``text`` (pages and documents, best first); all words first, else any word."""
    visible = visible_pages(root)
    pages = Page.objects.filter(pk__in=visible.values("pk"))
    documents, attachments = visible_documents(visible)
    sections = {p.path: p for p in root.get_children().live().public().only("id", "title", "path", "url_path")}
    words = thai.words(text)
    outcome = None
    for operator in ("and", "or"):
        if operator == "or" and len(set(words)) < 2:
            break
        hits = _page_hits(pages, text, root, sections, request, operator)
        hits += _document_hits(documents, attachments, text, root, sections, request, operator)
        outcome = Outcome(hits, partial=operator == "or")
        if hits:
            break
    for hit in outcome.hits:
        hit.title_match = _title_matches(hit.title, words)
    # Items whose title holds every word come first, the shortest (most to the point) first: a
    # section called "จัดซื้อจัดจ้าง" before each of its items; then the database's own ranking.
    outcome.hits.sort(key=lambda hit: (not hit.title_match, len(hit.title) if hit.title_match else 0, hit.position))
    return outcome


def _facets(hits, attribute, active_other, other_attribute):
    counts = {}
    for hit in hits:
        if active_other is not None and _key(getattr(hit, other_attribute)) != active_other:
            continue
        key = _key(getattr(hit, attribute))
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    return counts


def _key(value):
    if isinstance(value, Page):
        return value.pk
    return value


@require_GET
def search(request):
    """The search page: a form, and when a query was sent, the results with filters and pages."""
    form = SearchForm(request.GET)
    site = Site.find_for_request(request)
    context = {"form": form, "query": "", "searched": False, "max_length": MAX_QUERY_LENGTH, "examples": EXAMPLES}
    limit, seconds = settings.SEARCH_RATE_LIMIT
    if "q" in request.GET and rate_limited(request, "search", limit, seconds):
        # Over the limit: the page with a Thai notice and no search run (429, never an error page).
        context["query"] = CONTROL_CHARACTERS.sub(" ", request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
        context["too_many"] = True
        response = render(request, "home/search.html", context, status=429)
        response["X-Robots-Tag"] = "noindex"
        response["Retry-After"] = str(seconds)
        return response
    if "q" in request.GET and form.is_valid():
        text = form.cleaned_data["q"]
        context["query"] = text
        if not text:
            form.add_error("q", _("Type a word or a few words to search for."))
        elif not thai.words(text):
            form.add_error("q", _("Search with letters or numbers: there is no word to look for in this search."))
        elif site is not None:
            context.update(results_context(request, text, site.root_page))
    elif form.errors:
        context["query"] = form.data.get("q", "")[:MAX_QUERY_LENGTH]
    if site is not None and not context.get("results"):
        context["browse_sections"] = site.root_page.get_children().live().public().in_menu()
    response = render(request, "home/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def _int(value, low, high):
    """A whole number within bounds from a GET parameter, else ``None`` (nonsense is ignored, never an error)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def results_context(request, text, root):
    outcome = run_search(request, text, root)
    section_id = _int(request.GET.get("section"), 1, 2**62)
    fy = _int(request.GET.get("fy"), 2400, 2800)
    sections = {hit.section.pk: hit.section for hit in outcome.hits if hit.section is not None}
    if section_id not in sections:
        section_id = None
    section_counts = _facets(outcome.hits, "section", fy, "fiscal_year")
    year_counts = _facets(outcome.hits, "fiscal_year", section_id, "section")
    if fy not in year_counts:
        fy = None
    hits = [
        hit
        for hit in outcome.hits
        if (section_id is None or _key(hit.section) == section_id) and (fy is None or hit.fiscal_year == fy)
    ]
    paginator = Paginator(hits, PER_PAGE)
    results = paginator.get_page(_int(request.GET.get("page"), 1, 10**6) or 1)
    words = thai.words(text)
    for hit in results.object_list:
        hit.summary_html = highlight(Truncator(hit.summary).chars(SUMMARY_CHARS), words)
        hit.title_html = highlight(hit.title, words)
    params = {"q": text}
    if section_id:
        params["section"] = section_id
    if fy:
        params["fy"] = fy
    return {
        "searched": True,
        "results": results,
        "total": len(hits),
        "partial": outcome.partial,
        "active_section": sections.get(section_id),
        "active_fy": fy,
        "section_options": sorted(
            ((sections[pk], count) for pk, count in section_counts.items()), key=lambda item: item[0].path
        ),
        "year_options": sorted(year_counts.items(), reverse=True),
        "query_string": urlencode(params),
        "filtered": bool(section_id or fy),
    }
