"""Admin-wide presentation: the Sarabun face on every admin screen; the security hooks (home/security);
the page cache's note of which page is served (home/page_cache.py)."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks

from home import page_cache
from home.security import hooks as security_hooks  # noqa: F401 — registers the security screens and filters


@hooks.register("insert_global_admin_css")
def sarabun_admin_font():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Tells the page cache (home/page_cache.py) that a page of the tree answers this request."""
    page_cache.remember_page(request, page)
