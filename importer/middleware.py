"""WordPress addresses by query (``/?p=123``, ``/?page_id=45``, ``/?attachment_id=6``) redirected.

They ask for the site root, which answers 200 with the home page, so Wagtail's redirect middleware (which
looks only at 404s) never sees them. This looks them up in the same ``Redirect`` table, before the view.
"""

from django import http

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

LEGACY_KEYS = ("p", "page_id", "attachment_id", "cat")


class LegacyQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.method in ("GET", "HEAD") and any(k in request.GET for k in LEGACY_KEYS):
            redirect = self._find(request)
            if redirect is not None and redirect.link:
                return http.HttpResponsePermanentRedirect(redirect.link)
        return self.get_response(request)

    def _find(self, request):
        path = Redirect.normalise_path(request.get_full_path())
        site = Site.find_for_request(request)
        found = sorted(Redirect.get_for_site(site).filter(old_path=path), key=lambda r: r.site_id is None)
        return found[0] if found else None  # the site's own redirect before one for every site
