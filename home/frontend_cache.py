"""Purging nginx's micro-cache of pages (deploy/nginx/hodsite.conf, docs/operations.md "Caching").

nginx keeps an anonymous page for at most Django's ``max-age`` (``PAGE_CACHE_BROWSER_SECONDS``, seconds).
A publication must show at once, so Wagtail's ``wagtail.contrib.frontend_cache`` sends ``PURGE`` requests to
nginx's purge listener (``FRONTEND_CACHE_PURGE_URL``, e.g. ``http://127.0.0.1:8081``; no purging when unset):

- Wagtail itself purges a published or unpublished page's own URLs when the signal fires;
- ``purge_around(page)`` (from ``home.page_cache``'s hooks, once the transaction has committed, so nginx cannot
  fetch the old page again in between) purges the page again with its ancestors — the listings that show
  it — and the home page (latest news). Other pages' menus catch up within the short TTL.

``NginxPurgeBackend`` is Wagtail's HTTP backend with two changes: a bounded timeout (a hung nginx must not
hold an editor's publish), and nginx's 404 for "that page was not in the cache" is not an error.
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction

from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger("hodsite.frontend_cache")
TIMEOUT_SECONDS = 2


class NginxPurgeBackend(HTTPBackend):
    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"},
        )
        try:
            urlopen(request, timeout=TIMEOUT_SECONDS).close()  # noqa: S310 — our own configured listener
        except HTTPError as error:
            if error.code != 404:  # 404: nginx had no copy of this page; nothing to purge
                logger.warning("Could not purge %s from nginx: HTTP %s", url, error.code)
        except (URLError, OSError) as error:
            logger.warning("Could not purge %s from nginx: %s", url, error)


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def pages_around(page):
    """The page, its ancestors below the tree's root (listings, home page) and the site's root page."""
    from wagtail.models import Page

    pages = {p.pk: p for p in Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1)}
    site = page.get_site()
    if site is not None:
        pages.setdefault(site.root_page_id, site.root_page)
    return list(pages.values())


def purge_around(page):
    """After the current transaction commits: purge ``page``, its ancestors and home from nginx."""
    if not enabled() or page is None:
        return

    def purge():
        from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

        try:
            purge_pages_from_cache(pages_around(page))
        except Exception:
            logger.exception("Could not purge pages around %s from nginx", page.pk)

    transaction.on_commit(purge)
