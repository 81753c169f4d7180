"""Content-Security-Policy (Django 5.2 has no CSP of its own).

Public pages get a strict policy: scripts only from our own host (``script-src 'self'``, no inline script
at all, no nonce), no plugins, no ``<base>`` elsewhere, framing and form posts only to ourselves. The admin
(``/admin/``) gets the same plus what Wagtail's admin needs (``ADMIN_POLICY``, each allowance explained).
Only HTML responses carry the header (a PDF opened in the browser's viewer must not be constrained by it).

Why no nonce on public pages (docs/security.md, "Content-Security-Policy"): nginx keeps a public page for a
few seconds and sends the same bytes to many visitors; a nonce in those bytes would be shared by all of them
and prove nothing. Public templates have no inline script (``tests/home/test_security_csp.py`` checks it):
behaviour lives in static files (``js/site.js``). A policy that names ``{nonce}`` still gets a fresh one
per response (``get_nonce``); none does today.
"""

import secrets

from django.conf import settings
from django.utils.functional import SimpleLazyObject

# Videos of knowledge pages are played from youtube-nocookie.com (disclosure.KnowledgePage); Wagtail's
# embed block may also show YouTube's own player.
FRAME_SOURCES = ("'self'", "https://www.youtube-nocookie.com", "https://www.youtube.com")

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    # Only our own files: a page cached by nginx is the same for everyone, so it cannot carry a nonce.
    "script-src": ["'self'"],
    # style="" attributes are used for computed values (the hero image, the budget bar); style elements
    # and style sheets only from our host.
    "style-src": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": list(FRAME_SOURCES),
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}

# What Wagtail 8's admin needs beyond the public policy, found by opening the admin's screens in Chromium
# with the console collected (tests/browser/test_csp.py):
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    # Wagtail 8's date, time and date-time widgets, inline panels and multiple-chooser panels write inline
    # <script> elements (wagtailadmin/widgets/*_input.html, panels/inline_panel.html), also inside chooser
    # modals fetched by a second request whose nonce cannot match the page's. So the admin allows inline
    # scripts and carries no nonce (a nonce would make browsers ignore 'unsafe-inline'). Still no script from
    # another host, no eval, no plugins; the admin is behind two-factor sign-in and Django's autoescaping.
    "script-src": ["'self'", "'unsafe-inline'"],
    # The rich-text editor (Draftail) and Wagtail's components set <style> elements and style attributes
    # at run time; a nonce cannot be given to styles created by script.
    "style-src": ["'self'", "'unsafe-inline'"],
    "style-src-attr": ["'unsafe-inline'"],
    # Image previews of uploads before they are saved are blob: URLs; icons and the image focal point use data:.
    "img-src": ["'self'", "data:", "blob:"],
    # The live preview panel is an iframe of our own preview view.
    "frame-src": list(FRAME_SOURCES),
}


def _uses_nonce(policy):
    return any("{nonce}" in source for sources in policy.values() for source in sources)


def _render(policy, nonce):
    nonce_source = f"'nonce-{nonce}'"
    directives = []
    for name, sources in policy.items():
        directives.append(" ".join([name, *(source.replace("{nonce}", nonce_source) for source in sources)]))
    return "; ".join(directives)


def policy_for(request):
    admin_prefix = getattr(settings, "CSP_ADMIN_PREFIX", "/admin/")
    return ADMIN_POLICY if request.path.startswith(admin_prefix) else PUBLIC_POLICY


def get_nonce(request):
    """This response's nonce, made on first use."""
    nonce = getattr(request, "_csp_nonce", None)
    if nonce is None:
        nonce = request._csp_nonce = secrets.token_urlsafe(16)
    return nonce


def issued_nonce(request):
    """The nonce this response's page was rendered with, or ``None`` if the page used none (the page cache,
    ``home.page_cache``, replaces it with a fresh one on every response it serves from the cache)."""
    return getattr(request, "_csp_nonce", None)


class ContentSecurityPolicyMiddleware:
    """Adds ``Content-Security-Policy`` to every HTML response (unless a view already set one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = SimpleLazyObject(lambda: get_nonce(request))
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html") and "Content-Security-Policy" not in response:
            policy = policy_for(request)
            nonce = get_nonce(request) if _uses_nonce(policy) else ""
            response["Content-Security-Policy"] = _render(policy, nonce)
        return response


def csp_nonce(request):
    """Template context: ``{{ csp_nonce }}`` for ``<script nonce="…">``."""
    return {"csp_nonce": getattr(request, "csp_nonce", "")}
