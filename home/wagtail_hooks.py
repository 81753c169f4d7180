"""Admin-wide presentation: the Sarabun face on every admin screen; the security hooks (home/security)."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks

from home.security import hooks as security_hooks  # noqa: F401 — registers the security screens and filters


@hooks.register("insert_global_admin_css")
def sarabun_admin_font():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def thai_slugs_whole():
    """Wagtail's slug field keeps Thai vowels and tone marks while a title is typed (home/slugs.py)."""
    return format_html('<script src="{}" defer></script>', static("js/admin-slug.js"))
