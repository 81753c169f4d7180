"""Procurement announcements (invitations) and results (winner announcements), in one listing (R1.7, R1.8)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from home import thai_dates
from home.models import DataPeriodFields, ItemPage

from .common import EGP_NUMBER, CollectErrorsMixin, Method, ProcurementListingPage, money_field


class ProcurementAnnouncementPage(CollectErrorsMixin, DataPeriodFields, ItemPage):
    """An invitation to bid, or the announcement of the winner, of one procurement project, with its figures
    and the e-GP project number, so suppliers and the public can follow a project from start to contract."""

    class Category(models.TextChoices):
        INVITATION = "invitation", _("Invitation to bid")
        WINNER = "winner", _("Winner announcement")

    category = models.CharField(_("kind"), max_length=20, choices=Category.choices, default=Category.INVITATION)
    project_name = models.CharField(
        _("project"), max_length=500, help_text=_("What is bought or hired, e.g. a defibrillator, 1 unit")
    )
    method = models.CharField(_("procurement method"), max_length=20, choices=Method.choices)
    budget_amount = money_field(_("budget (baht)"), blank=True)
    reference_price = money_field(_("reference price (baht)"), blank=True)
    winner_name = models.CharField(
        _("winner"), max_length=300, blank=True, help_text=_("Required for a winner announcement")
    )
    contract_amount = money_field(
        _("contract amount (baht)"), blank=True, help_text=_("Required for a winner announcement")
    )
    egp_project_number = models.CharField(_("e-GP project number"), max_length=20, blank=True, validators=[EGP_NUMBER])

    extra_panels = [
        FieldPanel("category"),
        FieldPanel("project_name"),
        FieldRowPanel([FieldPanel("method"), FieldPanel("egp_project_number")]),
        FieldRowPanel([FieldPanel("budget_amount"), FieldPanel("reference_price")], heading=_("Amounts")),
        MultiFieldPanel([FieldPanel("winner_name"), FieldPanel("contract_amount")], heading=_("Result")),
    ]
    search_fields = ItemPage.search_fields + [
        index.SearchField("project_name"),
        index.SearchField("winner_name"),
        index.FilterField("category"),
    ]

    parent_page_types = ["procurement.ProcurementAnnouncementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("procurement announcement")
        verbose_name_plural = _("procurement announcements")

    @property
    def period_label(self):
        """An announcement is dated: one day, unless it states how long it runs."""
        if self.period_start and not self.period_end:
            return thai_dates.thai_date(self.period_start)
        return super().period_label

    def clean_item(self, errors):
        if self.category == self.Category.WINNER:
            if not (self.winner_name or "").strip():
                errors.setdefault("winner_name", _("Enter the winner of a winner announcement."))
            if self.contract_amount is None:
                errors.setdefault("contract_amount", _("Enter the contract amount of a winner announcement."))


class ProcurementAnnouncementIndexPage(ProcurementListingPage):
    """Invitations and winner announcements, newest first, filterable by fiscal year and kind."""

    listing_model = ProcurementAnnouncementPage
    subpage_types = ["procurement.ProcurementAnnouncementPage"]

    class Meta:
        verbose_name = _("procurement announcement listing")
