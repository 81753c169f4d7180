"""Admin for the ITA checklist: *MOIT items*, the titles and due periods of each fiscal year's items."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from disclosure.models import MoitItem


class MoitItemViewSet(SnippetViewSet):
    """Webmasters keep each year's MOIT titles here; the ITA year pages read them."""

    model = MoitItem
    icon = "list-ol"
    menu_label = _("MOIT items")
    menu_name = "moit-items"
    add_to_admin_menu = True
    menu_order = 250
    list_display = [
        Column("fiscal_year", label=_("fiscal year (B.E.)"), sort_key="fiscal_year"),
        Column("number", label=_("MOIT number"), sort_key="number"),
        "title",
        Column("due_label", label=_("due")),
    ]
    list_filter = ["fiscal_year", "indicator", "frequency"]
    search_fields = ["title"]
    ordering = ["-fiscal_year", "number"]
    list_per_page = 50


register_snippet(MoitItemViewSet)
