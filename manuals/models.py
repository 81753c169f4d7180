"""Operations manuals (R1.14; MOIT 2.12–2.14) and citizen service guides (R1.15).

Both kinds of page carry their steps as structured data (``manuals.blocks.StepsBlock``), so the
site shows every step's time and the responsible unit the same way and adds the times up
(``manuals.durations``). A manual must have its downloadable file before it can be published; a
guide states its fees explicitly — a list of items in baht, or "no fee".
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import AttachmentsBlock, BodyBlock
from home.listing import ListingMixin
from home.models import DataPeriodFields, ItemPage
from manuals import durations
from manuals.blocks import FeesBlock, ManualFilesBlock, RequiredDocumentsBlock, StepsBlock, baht, baht_range


class StepsMixin:
    """The total time of a page's ``steps``, computed from the steps themselves."""

    @property
    def total_minutes(self):
        # From the stored JSON: no block objects to build, and right however the value was assigned.
        return sum(
            durations.to_minutes(item["value"].get("duration"), item["value"].get("duration_unit"))
            for item in self.steps.raw_data
            if item.get("type") == "step"
        )

    @property
    def total_duration_label(self):
        """e.g. "2 วันทำการ 30 นาที"."""
        return durations.duration_label(self.total_minutes)

    @property
    def total_duration_text(self):
        """e.g. "รวม 2 วันทำการ 30 นาที"; empty when no step has a time."""
        label = self.total_duration_label
        return gettext("Total %(duration)s") % {"duration": label} if label else ""


class BaseIndexPage(ListingMixin, Page):
    """Common base of the two listings: an introduction and a body above the filtered list."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["home.StandardPage"]

    class Meta:
        abstract = True


# -- Operations manuals (R1.14) ---------------------------------------------------------------------


class OperationsManualPage(StepsMixin, DataPeriodFields, ItemPage):
    """The manual of one unit's work: its steps, how long each takes, who does it, and the manual file.

    Staff use it to work the same way every time; the public and the ITA assessors read it as the
    evidence of MOIT 2.12 (service complaints), 2.13 (corruption complaints) and 2.14 (main and
    support missions).
    """

    class Category(models.TextChoices):
        # A context keeps these msgids apart from other apps' (gettext shares one namespace).
        MAIN = "main", pgettext_lazy("kind of manual", "Main mission")
        SUPPORT = "support", pgettext_lazy("kind of manual", "Support mission")
        SERVICE_COMPLAINTS = (
            "service-complaints",
            pgettext_lazy("kind of manual", "Complaints about services or staff conduct"),
        )
        CORRUPTION_COMPLAINTS = (
            "corruption-complaints",
            pgettext_lazy("kind of manual", "Complaints about corruption and misconduct"),
        )

    MOIT_ITEMS = {
        Category.MAIN: "MOIT 2.14",
        Category.SUPPORT: "MOIT 2.14",
        Category.SERVICE_COMPLAINTS: "MOIT 2.12",
        Category.CORRUPTION_COMPLAINTS: "MOIT 2.13",
    }

    category = models.CharField(
        _("kind of manual"),
        max_length=30,
        choices=Category.choices,
        help_text=_(
            "Main or support mission (MOIT 2.14), handling complaints about services or staff (MOIT 2.12), "
            "or handling complaints about corruption and misconduct (MOIT 2.13)"
        ),
    )
    steps = StreamField(
        StepsBlock(),
        blank=True,
        verbose_name=_("steps"),
        help_text=_(
            "The steps in order, each with its time and the responsible unit or position; the total is computed"
        ),
    )
    attachments = StreamField(
        ManualFilesBlock(),
        blank=True,
        verbose_name=_("manual file"),
        help_text=_("The full manual to download (PDF); required before publishing"),
    )

    extra_panels = [FieldPanel("category"), FieldPanel("steps")]
    search_fields = ItemPage.search_fields + [index.FilterField("category"), index.SearchField("steps")]

    parent_page_types = ["manuals.OperationsManualIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("operations manual")
        verbose_name_plural = _("operations manuals")

    @property
    def moit_item(self):
        return self.MOIT_ITEMS.get(self.category, "")


class OperationsManualIndexPage(BaseIndexPage):
    """คู่มือมาตรฐานการปฏิบัติงาน: every unit's manuals, filterable by kind and fiscal year."""

    listing_model = OperationsManualPage
    subpage_types = ["manuals.OperationsManualPage"]

    class Meta:
        verbose_name = _("operations manuals index")


# -- Citizen guides (R1.15) -------------------------------------------------------------------------


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class CitizenGuidePage(StepsMixin, DataPeriodFields, ItemPage):
    """คู่มือสำหรับประชาชน: how to get one service — where, steps and time, fees, documents, forms.

    People read it before they come, so they bring the right documents and know how long it takes;
    it follows the form of the guides under the Licensing Facilitation Act B.E. 2558.
    """

    service_place = models.TextField(
        _("where to go"),
        max_length=500,
        help_text=_(
            "The place and channels of the service, e.g. 'Medical records counter, ground floor, outpatient building'"
        ),
    )
    office_hours = models.CharField(
        _("office hours"), max_length=300, help_text=_("e.g. 'Monday–Friday 08.30–16.30 (except public holidays)'")
    )
    legal_basis = models.TextField(
        _("legal basis"),
        blank=True,
        max_length=2000,
        help_text=_("Optional: the laws or rules behind this service, one per line"),
    )
    conditions = RichTextField(
        _("conditions and eligibility"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Who can use the service and under which conditions"),
    )
    steps = StreamField(
        StepsBlock(),
        blank=True,
        verbose_name=_("steps"),
        help_text=_(
            "The steps in order, each with its time and the responsible unit or position; the total is computed"
        ),
    )
    free_of_charge = models.BooleanField(
        _("no fee"), default=False, help_text=_("Tick if the service is free of charge; otherwise list the fees")
    )
    fees = StreamField(FeesBlock(), blank=True, verbose_name=_("fees"))
    required_documents = StreamField(RequiredDocumentsBlock(), blank=True, verbose_name=_("documents to bring"))
    complaint_channels = models.TextField(
        _("complaint channels"),
        max_length=2000,
        help_text=_("Where to complain about this service, one channel per line (place, telephone, website, e-mail)"),
    )
    attachments = StreamField(
        AttachmentsBlock(),
        blank=True,
        verbose_name=_("forms to download"),
        help_text=_("Application forms and examples of how to fill them in"),
    )

    extra_panels = [
        MultiFieldPanel([FieldPanel("service_place"), FieldPanel("office_hours")], heading=_("Where and when")),
        FieldPanel("legal_basis"),
        FieldPanel("conditions"),
        FieldPanel("steps"),
        MultiFieldPanel([FieldPanel("free_of_charge"), FieldPanel("fees")], heading=_("Fees")),
        FieldPanel("required_documents"),
        FieldPanel("complaint_channels"),
    ]
    search_fields = ItemPage.search_fields + [
        index.SearchField("service_place"),
        index.SearchField("conditions"),
        index.SearchField("steps"),
    ]

    parent_page_types = ["manuals.CitizenGuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("citizen service guide")
        verbose_name_plural = _("citizen service guides")

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        has_fees = len(self.fees) > 0
        if self.free_of_charge and has_fees:
            errors.setdefault("fees", []).append(
                ValidationError(_("'No fee' is ticked but fees are listed: remove the fees or untick 'no fee'."))
            )
        elif not self.free_of_charge and not has_fees:
            errors.setdefault("fees", []).append(
                ValidationError(_("List the fees of this service in baht, or tick 'no fee' if it is free of charge."))
            )
        if errors:
            raise ValidationError(errors)

    @property
    def legal_basis_lines(self):
        return _lines(self.legal_basis)

    @property
    def complaint_channel_lines(self):
        return _lines(self.complaint_channels)

    @property
    def fee_summary(self):
        """One line for lists: "no fee", the one fee with its note ("1 บาท ต่อหน้า"), or the range of fees."""
        if self.free_of_charge:
            return gettext("No fee")
        fees = [
            block.value for block in self.fees if block.block_type == "fee" and block.value.get("amount") is not None
        ]
        if len(fees) == 1:
            return " ".join(part for part in (baht(fees[0]["amount"]), fees[0].get("note", "")) if part)
        if fees:
            amounts = [fee["amount"] for fee in fees]
            return baht_range(min(amounts), max(amounts))
        return ""


class CitizenGuideIndexPage(BaseIndexPage):
    """คู่มือสำหรับประชาชน: the guides of every service the hospital offers the public."""

    listing_model = CitizenGuidePage
    subpage_types = ["manuals.CitizenGuidePage"]

    class Meta:
        verbose_name = _("citizen service guides index")
