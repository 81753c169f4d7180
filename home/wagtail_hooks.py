"""Admin-wide presentation: the Sarabun face on every admin screen; the security hooks (home/security);
the hospital-holidays list (*Settings › Hospital holidays*); the page cache's note of which page is served
(home/page_cache.py)."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import page_cache
from home.models import HospitalHoliday
from home.security import hooks as security_hooks  # noqa: F401 — registers the security screens and filters


@hooks.register("insert_global_admin_css")
def sarabun_admin_font():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


class HospitalHolidayViewSet(SnippetViewSet):
    """*Settings › Hospital holidays*: closed days beside weekends and Thai public holidays (working days)."""

    model = HospitalHoliday
    icon = "date"
    menu_label = _("Hospital holidays")
    menu_name = "hospital-holidays"
    add_to_settings_menu = True
    menu_order = 720
    list_display = [Column("date_label", label=_("date (B.E.)"), sort_key="date"), "name"]
    search_fields = ["name"]
    ordering = ["-date"]
    list_per_page = 50
    panels = [FieldPanel("date"), FieldPanel("name")]


register_snippet(HospitalHolidayViewSet)


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Tells the page cache (home/page_cache.py) that a page of the tree answers this request."""
    page_cache.remember_page(request, page)


@hooks.register("insert_global_admin_js")
def thai_slugs_whole():
    """Wagtail's slug field keeps Thai vowels and tone marks while a title is typed (home/slugs.py)."""
    return format_html('<script src="{}" defer></script>', static("js/admin-slug.js"))
