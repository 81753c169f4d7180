"""Admin-wide presentation: the Sarabun face on every admin screen; the security hooks (home/security);
the hospital-holidays list (*Settings › Hospital holidays*)."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
