"""The procurement section (จัดซื้อจัดจ้าง, R1.7): the parent of the five procurement listings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.search.fields import ThaiSearchMixin


class ProcurementIndexPage(ThaiSearchMixin, Page):
    """The procurement section at /procurement/: people start here to find the plan, announcements, the
    monthly สขร.1 summaries, last year's analysis and the integrity statements (R1.7, MOIT 3–5).

    Not a listing itself (its children are listings of different types), so it does not use
    ``ListingMixin``: it shows each listing with its ITA item and what it holds.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "procurement.ProcurementPlanIndexPage",
        "procurement.ProcurementAnnouncementIndexPage",
        "procurement.MonthlySummaryIndexPage",
        "procurement.ProcurementAnalysisIndexPage",
        "procurement.IntegrityStatementIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("procurement section")

    def sections(self):
        """The live listings below, in tree order."""
        return self.get_children().live().public().specific().order_by("path")
