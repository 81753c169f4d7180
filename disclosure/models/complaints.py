"""Complaint procedures with their channels (R1.5; MOIT 9, 2.12–2.13) and complaint reports by
6- and 12-month round (R1.6; MOIT 10, 2.16–2.17)."""

import datetime as dt

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from home import thai_dates
from home.models import DataPeriodFields, FiscalPeriodFields, ItemPage

from .common import DisclosureIndexPage, TypeChecksMixin, add_error


class ComplaintCategory(models.TextChoices):
    SERVICE = "service", _("Complaints about service or staff conduct")
    CORRUPTION = "corruption", _("Complaints about corruption and misconduct")


class ComplaintProcedurePage(DataPeriodFields, ItemPage):
    """How to complain, about a service or about corruption: the steps, the time limits, and every
    channel the hospital accepts complaints through (MOIT 9.1–9.3)."""

    category = models.CharField(_("category"), max_length=20, choices=ComplaintCategory.choices)
    acknowledge_days = models.PositiveSmallIntegerField(
        _("acknowledged within (working days)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(60)],
        help_text=_("How soon the complainant is told the complaint was received"),
    )
    resolve_days = models.PositiveSmallIntegerField(
        _("result within (days)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(365)],
        help_text=_("How soon the complainant is told the result"),
    )

    extra_panels = [
        FieldPanel("category"),
        FieldRowPanel([FieldPanel("acknowledge_days"), FieldPanel("resolve_days")], heading=_("Time limits")),
        InlinePanel("channels", heading=_("Complaint channels"), label=_("Channel"), min_num=1),
    ]
    parent_page_types = ["disclosure.ComplaintProcedureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("complaint procedure")
        verbose_name_plural = _("complaint procedures")


class ComplaintChannel(Orderable):
    """One way to file a complaint (MOIT 9.3: telephone, internet, post, application or others)."""

    class Kind(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("Telephone")
        WEBSITE = "website", _("Website")
        EMAIL = "email", _("E-mail")
        POST = "post", _("Post")
        BOX = "box", _("Suggestion box")
        SOCIAL = "social", _("Social media or application")
        OTHER = "other", _("Other")

    page = ParentalKey(ComplaintProcedurePage, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("channel"), max_length=20, choices=Kind.choices)
    detail = models.CharField(
        _("details"), max_length=300, help_text=_("Where or how, e.g. the number, the address or the opening hours")
    )
    url = models.URLField(_("link"), blank=True, help_text=_("Optional: the web address of this channel"))

    panels = [FieldPanel("kind"), FieldPanel("detail"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("complaint channel")
        verbose_name_plural = _("complaint channels")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.detail}"


class ComplaintProcedureIndexPage(DisclosureIndexPage):
    """The complaint procedures: for service complaints and for corruption complaints."""

    listing_model = ComplaintProcedurePage
    subpage_types = ["disclosure.ComplaintProcedurePage"]

    class Meta:
        verbose_name = _("complaint procedure index")


class ComplaintReportPage(TypeChecksMixin, FiscalPeriodFields, ItemPage):
    """A summary of complaints handled in a 6-month or 12-month round of a fiscal year, with the
    counts and an analysis of problems and solutions (MOIT 10, 2.16–2.17)."""

    class Round(models.TextChoices):
        SIX_MONTHS = "6", _("6-month round (October–March)")
        TWELVE_MONTHS = "12", _("12-month round (October–September)")

    round = models.CharField(_("round"), max_length=2, choices=Round.choices)
    category = models.CharField(_("category"), max_length=20, choices=ComplaintCategory.choices)
    received_count = models.PositiveIntegerField(_("complaints received"))
    resolved_count = models.PositiveIntegerField(_("resolved"))
    in_progress_count = models.PositiveIntegerField(_("in progress"))
    analysis = models.TextField(
        _("problems, obstacles and solutions"),
        blank=True,
        help_text=_("MOIT 10 asks the report to analyse problems and obstacles and say how they are solved"),
    )

    extra_panels = [
        FieldRowPanel([FieldPanel("round"), FieldPanel("category")]),
        FieldRowPanel(
            [FieldPanel("received_count"), FieldPanel("resolved_count"), FieldPanel("in_progress_count")],
            heading=_("Number of complaints"),
        ),
        FieldPanel("analysis"),
    ]
    # The round fixes the period; quarter and month would contradict it.
    period_panels = [FieldPanel("fiscal_year")]
    parent_page_types = ["disclosure.ComplaintReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("complaint report")
        verbose_name_plural = _("complaint reports")

    def check_type(self, errors):
        counted = (self.resolved_count or 0) + (self.in_progress_count or 0)
        if self.received_count is not None and counted > self.received_count:
            add_error(
                errors,
                "resolved_count",
                _("Resolved and in-progress complaints cannot be more than the complaints received."),
            )

    def save(self, *args, **kwargs):
        # The round ends in quarter 2 or 4: the quarter filter of the listing then finds it.
        self.fiscal_quarter = 2 if self.round == self.Round.SIX_MONTHS else 4
        self.fiscal_month = None
        super().save(*args, **kwargs)

    @property
    def period_range(self):
        start, end = thai_dates.fiscal_year_range(self.fiscal_year)
        if self.round == self.Round.SIX_MONTHS:
            end = dt.date(end.year, 3, 31)
        return start, end

    @property
    def period_label(self):
        if not self.fiscal_year:
            return ""
        start, end = self.period_range
        return _("%(round)s %(year)s (%(start)s – %(end)s)") % {
            "round": self.round_label,
            "year": thai_dates.fiscal_year_label(self.fiscal_year),
            "start": thai_dates.thai_date(start, short=True),
            "end": thai_dates.thai_date(end, short=True),
        }

    @property
    def round_label(self):
        return _("6-month round") if self.round == self.Round.SIX_MONTHS else _("12-month round")

    @property
    def resolved_percentage(self):
        if not self.received_count:
            return None
        return round(self.resolved_count * 100 / self.received_count, 1)


class ComplaintReportIndexPage(DisclosureIndexPage):
    """Complaint reports by fiscal year, round and category."""

    listing_model = ComplaintReportPage
    subpage_types = ["disclosure.ComplaintReportPage"]

    class Meta:
        verbose_name = _("complaint report index")
