"""The annual procurement plan and the reports of results against it (MOIT 4.1 and 4.2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from home.models import FiscalPeriodFields, ItemPage

from .common import CollectErrorsMixin, DocumentFieldsMixin, ProcurementListingPage, document_field, money_field


class ProcurementPlanPage(CollectErrorsMixin, DocumentFieldsMixin, FiscalPeriodFields, ItemPage):
    """The procurement plan of a fiscal year, or a quarterly report of results against it.

    MOIT 4.1 asks that the plan is announced within 30 working days of the budget allocation and that
    both dates are shown clearly; the plan comes as operating-budget and investment-budget documents.
    """

    class Category(models.TextChoices):
        PLAN = "plan", _("Annual procurement plan")
        PROGRESS = "progress", _("Report of results against the plan")

    category = models.CharField(_("kind"), max_length=20, choices=Category.choices, default=Category.PLAN)
    budget_allocation_date = models.DateField(
        _("budget allocation date"),
        null=True,
        blank=True,
        help_text=_("The date the hospital was allocated its budget (required for a plan)"),
    )
    announcement_date = models.DateField(
        _("announcement date"),
        null=True,
        blank=True,
        help_text=_("The date the plan was announced; MOIT 4.1 asks for it within 30 working days of the allocation"),
    )
    operating_budget_document = document_field(
        _("operating budget (file)"),
        required=False,
        help_text=_("The plan or report for the operating budget (งบดำเนินงาน)"),
    )
    investment_budget_document = document_field(
        _("investment budget (file)"),
        required=False,
        help_text=_("The plan or report for the investment budget (งบลงทุน)"),
    )
    allocation_document = document_field(
        _("budget allocation letter (file)"), required=False, help_text=_("Optional: the letter allocating the budget")
    )
    operating_budget_amount = money_field(_("operating budget (baht)"), blank=True)
    investment_budget_amount = money_field(_("investment budget (baht)"), blank=True)

    document_fields = ["operating_budget_document", "investment_budget_document", "allocation_document"]

    extra_panels = [
        FieldPanel("category"),
        FieldRowPanel([FieldPanel("budget_allocation_date"), FieldPanel("announcement_date")], heading=_("Dates")),
        MultiFieldPanel(
            [
                FieldPanel("operating_budget_document"),
                FieldPanel("operating_budget_amount"),
                FieldPanel("investment_budget_document"),
                FieldPanel("investment_budget_amount"),
                FieldPanel("allocation_document"),
            ],
            heading=_("Budget documents"),
        ),
    ]

    parent_page_types = ["procurement.ProcurementPlanIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("procurement plan or report")
        verbose_name_plural = _("procurement plans and reports")

    def clean_item(self, errors):
        if self.category == self.Category.PLAN:
            if not self.budget_allocation_date:
                errors.setdefault("budget_allocation_date", _("Enter the date the budget was allocated."))
            if not self.announcement_date:
                errors.setdefault("announcement_date", _("Enter the date the plan was announced."))
        elif not self.fiscal_quarter:
            errors.setdefault("fiscal_quarter", _("Choose the quarter this report covers."))
        if (
            self.budget_allocation_date
            and self.announcement_date
            and self.announcement_date < self.budget_allocation_date
        ):
            errors.setdefault("announcement_date", _("The plan cannot be announced before the budget was allocated."))
        if not self.operating_budget_document_id and not self.investment_budget_document_id:
            errors.setdefault(
                "operating_budget_document",
                _("Attach the operating-budget or the investment-budget document (at least one)."),
            )

    @property
    def total_budget(self):
        amounts = [a for a in (self.operating_budget_amount, self.investment_budget_amount) if a is not None]
        return sum(amounts) if amounts else None


class ProcurementPlanIndexPage(ProcurementListingPage):
    """The list of annual procurement plans and quarterly results, filterable by fiscal year (MOIT 4.1, 4.2)."""

    listing_model = ProcurementPlanPage
    subpage_types = ["procurement.ProcurementPlanPage"]
    moit_label = "MOIT 4"

    class Meta:
        verbose_name = _("procurement plan listing")
