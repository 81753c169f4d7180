"""Policy and strategy (R1.2; MOIT 2.7–2.8), the annual action plan and its quarterly reports (R1.3;
MOIT 2.9–2.10), and the budget spending plan and its quarterly spending reports (R1.4; MOIT 2.11)."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from home.models import FiscalPeriodFields, ItemPage

from .common import DisclosureIndexPage, TypeChecksMixin, add_error


class PolicyPage(FiscalPeriodFields, ItemPage):
    """A policy or strategy document of a fiscal year: the hospital's own policy and strategy, or the
    national strategy and plans it follows."""

    class Category(models.TextChoices):
        POLICY = "policy", _("Hospital policy")
        STRATEGY = "strategy", _("Hospital strategy")
        NATIONAL = "national", _("National strategy and plans")

    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.STRATEGY)

    extra_panels = [FieldPanel("category")]
    parent_page_types = ["disclosure.PolicyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("policy or strategy")
        verbose_name_plural = _("policies and strategies")


class PolicyIndexPage(DisclosureIndexPage):
    """Policy and strategy of the hospital, by fiscal year."""

    listing_model = PolicyPage
    subpage_types = ["disclosure.PolicyPage"]

    class Meta:
        verbose_name = _("policy and strategy index")


class PlanOrReportMixin(TypeChecksMixin):
    """A yearly plan, or a quarterly report on it: reports need a quarter, plans cover the whole year."""

    class Category(models.TextChoices):
        PLAN = "plan", _("Annual plan")
        REPORT = "report", _("Quarterly report")

    def check_type(self, errors):
        if self.category == self.Category.REPORT and not self.fiscal_quarter:
            add_error(errors, "fiscal_quarter", _("Choose the quarter this report covers."))
        if self.category == self.Category.PLAN and (self.fiscal_quarter or self.fiscal_month):
            add_error(
                errors,
                "fiscal_quarter",
                _("An annual plan covers the whole fiscal year: leave the quarter and month empty."),
            )


class ActionPlanPage(PlanOrReportMixin, FiscalPeriodFields, ItemPage):
    """The annual action plan of a fiscal year, or a quarterly report on its results (MOIT 2.9–2.10)."""

    category = models.CharField(
        _("category"),
        max_length=10,
        choices=PlanOrReportMixin.Category.choices,
        default=PlanOrReportMixin.Category.PLAN,
        help_text=_("A quarterly report must name its quarter"),
    )

    extra_panels = [FieldPanel("category")]
    parent_page_types = ["disclosure.ActionPlanIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("action plan or report")
        verbose_name_plural = _("action plans and reports")


class ActionPlanIndexPage(DisclosureIndexPage):
    """Annual action plans and their quarterly reports, filterable by fiscal year and quarter."""

    listing_model = ActionPlanPage
    subpage_types = ["disclosure.ActionPlanPage"]

    class Meta:
        verbose_name = _("action plan index")


AMOUNT_VALIDATORS = [MinValueValidator(Decimal("0"))]


class BudgetPage(PlanOrReportMixin, FiscalPeriodFields, ItemPage):
    """The budget spending plan of a fiscal year, or a quarterly report of what was spent (MOIT 2.11)."""

    category = models.CharField(
        _("category"),
        max_length=10,
        choices=PlanOrReportMixin.Category.choices,
        default=PlanOrReportMixin.Category.PLAN,
        help_text=_("A quarterly report must name its quarter and the amount spent"),
    )
    allocated_amount = models.DecimalField(
        _("budget (baht)"),
        max_digits=14,
        decimal_places=2,
        validators=AMOUNT_VALIDATORS,
        help_text=_("The budget of the plan; for a report, the budget allocated up to the end of the quarter"),
    )
    spent_amount = models.DecimalField(
        _("spent (baht)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=AMOUNT_VALIDATORS,
        help_text=_("For a report: the amount spent from the start of the fiscal year to the end of the quarter"),
    )

    extra_panels = [
        FieldPanel("category"),
        FieldRowPanel([FieldPanel("allocated_amount"), FieldPanel("spent_amount")], heading=_("Amounts")),
    ]
    parent_page_types = ["disclosure.BudgetIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("budget plan or report")
        verbose_name_plural = _("budget plans and reports")

    def check_type(self, errors):
        super().check_type(errors)
        if self.category == self.Category.REPORT and self.spent_amount is None:
            add_error(errors, "spent_amount", _("Enter the amount spent: a spending report must state it."))

    @property
    def spent_percentage(self):
        """Spent as a percentage of the budget, one decimal; None when there is nothing to compare."""
        if self.spent_amount is None or not self.allocated_amount:
            return None
        return (Decimal(self.spent_amount) * 100 / Decimal(self.allocated_amount)).quantize(Decimal("0.1"))

    @property
    def remaining_amount(self):
        if self.spent_amount is None or self.allocated_amount is None:
            return None
        return self.allocated_amount - self.spent_amount


class BudgetIndexPage(DisclosureIndexPage):
    """Budget spending plans and quarterly spending reports, filterable by fiscal year and quarter."""

    listing_model = BudgetPage
    subpage_types = ["disclosure.BudgetPage"]

    class Meta:
        verbose_name = _("budget index")
