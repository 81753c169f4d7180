"""The public search page at /search/: pages and documents, in Thai words, live and public only.

What a visitor can find is exactly what they could open: live pages of this site that have no view
restriction (no private or password pages) and whose expiry has not passed, and documents attached
to such a page (through any field, StreamField block or rich-text link, as Wagtail's reference
index records) that are not in a private collection. Results show their type, date (พ.ศ.) and
section, and can be narrowed by section and fiscal year. Which items are found, in which order, is
decided by ``home.search.query`` (in the database, cached briefly); this module turns the ten
candidates of one page of results into what the page shows, in a number of queries that does not
grow with the number of results.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from home.abuse import rate_limited
from home.search import query, thai

MAX_QUERY_LENGTH = 200
# Searches suggested before a search and when nothing was found (translated: they are Thai words).
EXAMPLES = [_("procurement"), _("complaint"), _("citizen guide"), _("news"), _("action plan")]
PER_PAGE = 10
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


def _page_hits(candidates, request, sections):
    """The page hits of one page of results, in a query per page type on it (at most ``PER_PAGE`` rows)."""
    ids = [c.pk for c in candidates if c.kind == "page"]
    specific = Page.objects.filter(pk__in=ids).specific().in_bulk() if ids else {}
    hits = {}
    for candidate in candidates:
        page = specific.get(candidate.pk) if candidate.kind == "page" else None
        if page is None:
            continue
        summary = getattr(page, "intro", "") or page.search_description or ""
        hits[("page", page.pk)] = Hit(
            kind="page",
            title=page.title,
            url=page.get_url(request) or "",
            type_label=str(page._meta.verbose_name),
            date=page.first_published_at or page.last_published_at,
            fiscal_year=candidate.fiscal_year,
            section=sections.get(candidate.section_id),
            summary=summary,
            title_match=candidate.title_match,
        )
    return hits


def _document_hits(candidates, request, sections):
    """The document hits of one page of results: their documents and attaching pages in two queries."""
    wanted = [c for c in candidates if c.kind == "document"]
    if not wanted:
        return {}
    documents = get_document_model().objects.in_bulk([c.pk for c in wanted])
    page_ids = {pk for c in wanted for pk in c.attached}
    pages = Page.objects.filter(pk__in=page_ids).only("id", "title", "path", "url_path", "depth").in_bulk()
    hits = {}
    for candidate in wanted:
        doc = documents.get(candidate.pk)
        if doc is None:
            continue
        attached = [pages[pk] for pk in candidate.attached if pk in pages]
        hits[("document", doc.pk)] = Hit(
            kind="document",
            title=doc.title,
            url=doc.url,
            type_label=_("Document"),
            date=doc.created_at,
            fiscal_year=candidate.fiscal_year,
            section=sections.get(candidate.section_id),
            summary=getattr(doc, "description", "") or Truncator(getattr(doc, "search_text", "")).chars(300),
            file_label=f"{doc.file_type_label} · {doc.file_size_label}".strip(" ·"),
            attached_to=[(p.title, p.get_url(request)) for p in attached],
            title_match=candidate.title_match,
        )
    return hits


def hits_for(candidates, request, sections):
    """``Hit``s for the candidates of one page of results, in their order."""
    hits = _page_hits(candidates, request, sections) | _document_hits(candidates, request, sections)
    return [hits[(c.kind, c.pk)] for c in candidates if (c.kind, c.pk) in hits]


def _facets(candidates, attribute):
    """{value: count} of ``attribute`` over the candidates."""
    counts = {}
    for candidate in candidates:
        key = getattr(candidate, attribute)
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    return counts


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


KINDS = {"page": _("Web pages"), "document": _("Documents")}


def results_context(request, text, root):
    found = query.find(text, root)
    section_id = _int(request.GET.get("section"), 1, 2**62)
    fy = _int(request.GET.get("fy"), 2400, 2800)
    kind = request.GET.get("type") if request.GET.get("type") in KINDS else None
    if section_id not in {c.section_id for c in found.candidates}:
        section_id = None
    active = {"section_id": section_id, "fiscal_year": fy, "kind": kind}

    def within(candidate, *ignored):
        """Whether a candidate passes the active filters, except the ``ignored`` ones (for their counts)."""
        return all(
            value is None or getattr(candidate, name) == value for name, value in active.items() if name not in ignored
        )

    if kind not in {c.kind for c in found.candidates}:
        kind = active["kind"] = None
    year_counts = _facets([c for c in found.candidates if within(c, "fiscal_year")], "fiscal_year")
    if fy not in year_counts:  # a year with nothing in the chosen section and type is dropped
        fy = active["fiscal_year"] = None
    # Each filter's counts are within the other active filters (how many a choice would show).
    section_counts = _facets([c for c in found.candidates if within(c, "section_id")], "section_id")
    kind_counts = _facets([c for c in found.candidates if within(c, "kind")], "kind")
    candidates = [c for c in found.candidates if within(c)]
    paginator = Paginator(candidates, PER_PAGE)
    results = paginator.get_page(_int(request.GET.get("page"), 1, 10**6) or 1)
    section_ids = {c.section_id for c in found.candidates} - {None}
    sections = Page.objects.filter(pk__in=section_ids).only("id", "title", "path", "url_path").in_bulk()
    results.object_list = hits_for(list(results.object_list), request, sections)
    words = thai.words(text)
    for hit in results.object_list:
        hit.summary_html = highlight(Truncator(hit.summary).chars(SUMMARY_CHARS), words)
        hit.title_html = highlight(hit.title, words)
    params = {"q": text}
    if section_id:
        params["section"] = section_id
    if fy:
        params["fy"] = fy
    if kind:
        params["type"] = kind
    return {
        "searched": True,
        "results": results,
        "total": len(candidates),
        "partial": found.partial,
        "active_section": sections.get(section_id),
        "active_fy": fy,
        "section_options": sorted(
            ((sections[pk], count) for pk, count in section_counts.items() if pk in sections),
            key=lambda item: item[0].path,
        ),
        "year_options": sorted(year_counts.items(), reverse=True),
        "type_options": [(value, label, kind_counts[value]) for value, label in KINDS.items() if value in kind_counts],
        "active_type": kind,
        "query_string": urlencode(params),
        "filtered": bool(section_id or fy or kind),
    }
