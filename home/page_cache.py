"""The anonymous page cache (docs/performance.md, "Caching").

A public page of the tree, asked for by an anonymous visitor, is rendered once and then served from the
configured cache (Redis in production) for ``PAGE_CACHE_SECONDS`` — or until anything that can change it
happens: ``purge()`` forgets every cached page at once. The site is small and its menu, breadcrumbs, home
page news and footer appear on every page, so forgetting everything on a publication is both simple and
the only correct choice; the pages come back one render each.

What is stored (``PageCacheMiddleware``, placed after the visit counter so a cached page is still counted):

- only a GET (a HEAD is answered from a GET's entry) without a session or messages cookie and without
  ``Authorization``, outside the prefixes of ``PAGE_CACHE_EXCLUDED_PREFIXES`` (admin, search, documents,
  /healthz…), with no query parameter but the listings' own (``PAGE_CACHE_QUERY_PARAMETERS``) and the
  campaign tags of shared links (``utm_*``, ``fbclid``, ``gclid``), which are left out of the key;
- only a page of the tree (Wagtail's ``before_serve_page`` hook names it), answered 200 in HTML, for an
  anonymous visitor, with no view restriction on the page or its ancestors;
- never a page that declares ``live_data = True`` (the complaint, tracking, feedback, statistics and survey
  pages: forms and figures of the moment) or ``page_cache = False``;
- never a response that set a cookie, used the CSRF token (any form that posts), changed the session, added a
  message, or carries its own ``Cache-Control`` (the view decided).

The Content-Security-Policy nonce (``home.security.csp``): the stored body keeps the nonce it was rendered
with; every hit replaces it with a fresh one, which the CSP middleware then puts in the header. So each
response still has its own nonce. The ETag is taken from the stored body and is weak (``W/``): the bytes
differ by the nonce, the page does not.

Headers: a cacheable page gets ``Cache-Control: public, max-age=PAGE_CACHE_BROWSER_SECONDS`` and an ETag (a
matching ``If-None-Match`` gets 304, counted as a view by ``eservices.visits``); a page for signed-in
staff ``private, no-store``; any other page (forms, pages with a session) ``private, no-cache``.
"""

import functools
import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags, urlencode

from home.security.csp import get_nonce, issued_nonce

GENERATION_KEY = "pagecache:generation"
PAGE_ATTRIBUTE = "_page_cache_page"
PUBLIC_STATUS_HEADER = "X-Page-Cache"
STAFF_CACHE_CONTROL = "private, no-store"
UNCACHED_CACHE_CONTROL = "private, no-cache"
MAX_QUERY_LENGTH = 300
# Headers not kept with a stored page: made again for each response or belonging to one visitor.
NOT_STORED = {"set-cookie", "content-security-policy", "date", "etag", "cache-control", "content-length"}


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def remember_page(request, page):
    """Called by the ``before_serve_page`` hook: this request is answered by a page of the tree."""
    setattr(request, PAGE_ATTRIBUTE, page)


def served_page(request):
    return getattr(request, PAGE_ATTRIBUTE, None)


def generation():
    """The current generation of cached pages; ``None`` when the cache does not answer."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def purge():
    """Forget every cached page: now, and once more when the current transaction commits, so that a page
    rendered from the old data while the change was being saved is not kept either."""

    def new_generation():
        cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=None)

    new_generation()
    transaction.on_commit(new_generation)


def page_changed(sender=None, **kwargs):
    """Signal receiver for publication, unpublication (also scheduled, and expiry), moves and new slugs: this
    cache forgets every page; nginx's micro-cache (``home.frontend_cache``) the page, its ancestors and home."""
    from home.frontend_cache import purge_around

    purge()
    purge_around(kwargs.get("instance"))


@functools.cache
def _purging_models():
    """The records, other than pages, whose change shows on pages (imported once the apps are ready)."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Site

    from home.models import Department

    return (
        BaseSiteSetting,  # footer links, contact block
        BaseGenericSetting,
        BaseViewRestriction,  # a page made private must leave the cache at once
        AbstractDocument,  # file type and size shown next to every link
        AbstractImage,
        Site,
        Department,  # the owner unit in every facts box
    )


def record_changed(sender, instance, **kwargs):
    """``post_save``/``post_delete`` receiver: settings, view restrictions, documents, images, the site and
    departments show on pages; a live page saved whole (not a draft's bookkeeping) may have changed."""
    from wagtail.models import Page

    if isinstance(instance, _purging_models()):
        purge()
    elif isinstance(instance, Page) and instance.live and kwargs.get("update_fields") is None:
        purge()


def connect_signals():
    from django.db.models.signals import post_delete, post_save

    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    page_published.connect(page_changed, dispatch_uid="hodsite_page_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="hodsite_page_cache_unpublished")
    page_slug_changed.connect(page_changed, dispatch_uid="hodsite_page_cache_slug")
    post_page_move.connect(page_changed, dispatch_uid="hodsite_page_cache_moved")
    post_save.connect(record_changed, dispatch_uid="hodsite_page_cache_saved")
    post_delete.connect(record_changed, dispatch_uid="hodsite_page_cache_deleted")


def _may_use_cache(request):
    """Before the view: could this request be answered from (or stored in) the cache?"""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    # A parameter no public page reads would only multiply copies of one page; such requests are built afresh.
    return all(_ignored(name) or name in settings.PAGE_CACHE_QUERY_PARAMETERS for name in request.GET)


def _ignored(name):
    """Campaign and click tags that links shared on social media add; no page reads them."""
    return name.startswith("utm_") or name in ("fbclid", "gclid")


def _key(request, current_generation):
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    query = urlencode(sorted((name, values) for name, values in request.GET.lists() if not _ignored(name)), doseq=True)
    language = getattr(request, "LANGUAGE_CODE", "")
    address = f"{request.scheme}://{host}{request.path}?{query}#{language}"
    return f"pagecache:{current_generation}:{hashlib.sha256(address.encode()).hexdigest()}"


def _is_anonymous(request):
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _left_visitor_state(request, response):
    """Did rendering this page give or change something of this visitor's?"""
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    messages = getattr(request, "_messages", None)
    return bool(getattr(messages, "added_new", False))


def storable(request, response, page):
    """After the view: may this page's response be stored and shared with every anonymous visitor?"""
    if page is None or response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html") or response.has_header("Cache-Control"):
        return False
    if getattr(page, "live_data", False) or not getattr(page, "page_cache", True):
        return False
    if not _is_anonymous(request) or _left_visitor_state(request, response):
        return False
    return not page.get_view_restrictions().exists()


def _etag(body, nonce):
    normalised = body.replace(nonce.encode(), b"") if nonce else body
    return f'W/"{hashlib.sha256(normalised).hexdigest()[:32]}"'


def _not_modified(request, etag):
    wanted = request.META.get("HTTP_IF_NONE_MATCH")
    if not wanted:
        return False
    tags = parse_etags(wanted)
    plain = etag.removeprefix("W/")
    return "*" in tags or any(tag.removeprefix("W/") == plain for tag in tags)


def _public_headers(response, etag):
    response["Cache-Control"] = f"public, max-age={settings.PAGE_CACHE_BROWSER_SECONDS}"
    response["ETag"] = etag
    return response


def _revalidated(etag, headers):
    """304 for a browser that already has this page; the visit counter counts it as a view."""
    response = HttpResponseNotModified()
    for name, value in headers:
        if name.lower() == "vary":
            response[name] = value
    response.revalidated_page = True
    return _public_headers(response, etag)


def _from_entry(request, entry):
    if _not_modified(request, entry["etag"]):
        return _revalidated(entry["etag"], entry["headers"])
    body = entry["body"]
    if entry["nonce"]:
        body = body.replace(entry["nonce"].encode(), get_nonce(request).encode())
    response = HttpResponse(body)
    for name, value in entry["headers"]:
        response[name] = value
    response[PUBLIC_STATUS_HEADER] = "hit"
    return _public_headers(response, entry["etag"])


def _store(request, response, key):
    nonce = issued_nonce(request)
    entry = {
        "body": response.content,
        "headers": [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED],
        "nonce": nonce,
        "etag": _etag(response.content, nonce),
    }
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
    if _not_modified(request, entry["etag"]):
        return _revalidated(entry["etag"], entry["headers"])
    response[PUBLIC_STATUS_HEADER] = "miss"
    return _public_headers(response, entry["etag"])


class PageCacheMiddleware:
    """Serves anonymous visitors' pages from the cache (see the module's docstring). Must come after
    ``VisitCounterMiddleware`` in ``settings.MIDDLEWARE``, so a page served from the cache is counted too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled():
            return self.get_response(request)
        key = None
        if _may_use_cache(request):
            current_generation = generation()
            key = _key(request, current_generation) if current_generation else None
            entry = cache.get(key) if key else None
            if entry is not None:
                return _from_entry(request, entry)
        response = self.get_response(request)
        page = served_page(request)
        if page is None or response.has_header("Cache-Control"):
            return response
        # A HEAD answer is served from a GET's entry but never stored: its body may have been left out.
        if key is not None and request.method == "GET" and storable(request, response, page):
            return _store(request, response, key)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            response["Cache-Control"] = UNCACHED_CACHE_CONTROL if _is_anonymous(request) else STAFF_CACHE_CONTROL
        return response
