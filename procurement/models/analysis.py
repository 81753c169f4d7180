"""The analysis of last fiscal year's procurement (MOIT 3) with its four required components."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from home import thai_dates
from home.models import FiscalPeriodFields, ItemPage

from .common import CollectErrorsMixin, DocumentFieldsMixin, ProcurementListingPage, document_field, money_field


class ProcurementAnalysisPage(CollectErrorsMixin, DocumentFieldsMixin, FiscalPeriodFields, ItemPage):
    """The report analysing a finished fiscal year's procurement, as MOIT 3 asks: risks, problems and
    limits, the ability to save budget, and how the process will improve in the next fiscal year."""

    report_document = document_field(
        _("analysis report (file)"), help_text=_("The full report, as a bound report signed by the director")
    )
    risk_analysis = models.TextField(_("risk analysis"), help_text=_("Component 1: the risks found in procurement"))
    problems_analysis = models.TextField(
        _("problems, obstacles and limitations"), help_text=_("Component 2: what made procurement difficult")
    )
    savings_analysis = models.TextField(
        _("ability to save budget"), help_text=_("Component 3: how much was saved against the budget, and how")
    )
    improvement_plan = models.TextField(
        _("improvements for the next fiscal year"),
        help_text=_("Component 4: how the procurement process will be corrected and improved"),
    )
    procurement_count = models.PositiveIntegerField(_("number of procurements"), null=True, blank=True)
    total_budget = money_field(_("total budget (baht)"), blank=True)
    total_contract_value = money_field(_("total contract value (baht)"), blank=True)

    document_fields = ["report_document"]

    extra_panels = [
        FieldPanel("report_document"),
        FieldPanel("risk_analysis"),
        FieldPanel("problems_analysis"),
        FieldPanel("savings_analysis"),
        FieldPanel("improvement_plan"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("procurement_count"), FieldPanel("total_budget"), FieldPanel("total_contract_value")]
                )
            ],
            heading=_("Figures of the year (optional)"),
        ),
    ]
    search_fields = ItemPage.search_fields + [
        index.SearchField("risk_analysis"),
        index.SearchField("problems_analysis"),
        index.SearchField("savings_analysis"),
        index.SearchField("improvement_plan"),
    ]

    parent_page_types = ["procurement.ProcurementAnalysisIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("procurement analysis")
        verbose_name_plural = _("procurement analyses")

    def clean_item(self, errors):
        if self.fiscal_year and self.fiscal_year >= thai_dates.current_fiscal_year():
            errors.setdefault(
                "fiscal_year", _("The analysis is about a fiscal year that has ended: choose last year or earlier.")
            )

    def components(self):
        """The four components of MOIT 3, in order, as (heading, text)."""
        return [
            (_("1. Risk analysis"), self.risk_analysis),
            (_("2. Problems, obstacles and limitations"), self.problems_analysis),
            (_("3. Ability to save budget"), self.savings_analysis),
            (_("4. Improvements for the next fiscal year"), self.improvement_plan),
        ]

    @property
    def saving(self):
        if self.total_budget is None or self.total_contract_value is None:
            return None
        return self.total_budget - self.total_contract_value

    @property
    def saving_percent(self):
        if self.saving is None or not self.total_budget:
            return None
        return round(self.saving * 100 / self.total_budget, 2)


class ProcurementAnalysisIndexPage(ProcurementListingPage):
    """The list of yearly procurement analyses (MOIT 3), newest fiscal year first."""

    listing_model = ProcurementAnalysisPage
    subpage_types = ["procurement.ProcurementAnalysisPage"]
    moit_label = "MOIT 3"

    class Meta:
        verbose_name = _("procurement analysis listing")
