"""Laws, regulations and rules that concern the hospital, each with its source (R1.10; MOIT 2.1.5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from home.models import DataPeriodFields, ItemPage

from .common import DisclosureIndexPage


class LawPage(DataPeriodFields, ItemPage):
    """A law, regulation, announcement or order the hospital works under. The source (e.g. the Royal
    Gazette) is required (R1.10); the effective date is the start of the data period."""

    class Category(models.TextChoices):
        ACT = "act", _("Act")
        ROYAL_DECREE = "royal_decree", _("Royal decree")
        MINISTERIAL_REGULATION = "ministerial_regulation", _("Ministerial regulation")
        REGULATION = "regulation", _("Regulation")
        ANNOUNCEMENT = "announcement", _("Ministerial announcement")
        ORDER = "order", _("Order")
        GUIDELINE = "guideline", _("Guideline or circular")

    source_required = True
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    source_url = models.URLField(
        _("link to the source"),
        blank=True,
        help_text=_("Optional: the official text online, e.g. on the Royal Gazette or the Council of State website"),
    )

    extra_panels = [FieldPanel("category")]
    period_panels = [
        FieldRowPanel(
            [
                FieldPanel("period_start", heading=_("effective date")),
                FieldPanel("period_end", heading=_("repealed on")),
            ],
            heading=_("In force"),
        )
    ]
    source_panels = [FieldPanel("source"), FieldPanel("source_url")]
    parent_page_types = ["disclosure.LawIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("law or regulation")
        verbose_name_plural = _("laws and regulations")

    @property
    def effective_date(self):
        return self.period_start


class LawIndexPage(DisclosureIndexPage):
    """Laws and regulations, filterable by category and by the fiscal year they took effect."""

    listing_model = LawPage
    subpage_types = ["disclosure.LawPage"]

    class Meta:
        verbose_name = _("law index")
