"""The monthly procurement summary, แบบ สขร.1 (MOIT 5), as structured rows with PDF and XLSX exports.

Under the Official Information Commission's announcement of 16 January 2558 a state agency publishes,
every month, a summary of its procurement in the form สขร.1 (spec §3): nine columns, totals, and — for a
month without procurement — an explicit "ไม่มีการจัดซื้อจัดจ้าง". The rows are data, not a table pasted
into a rich-text field, so the totals, the PDF and the spreadsheet all come from one source.
"""

from decimal import Decimal

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from home import thai_dates
from home.models import FiscalPeriodFields, ItemPage

from .common import EGP_NUMBER, METHOD_SHORT, CollectErrorsMixin, Method, ProcurementListingPage, money_field

ZERO = Decimal("0.00")


class MonthlySummaryRow(Orderable):
    """One procurement of the month: a row of แบบ สขร.1 with its nine columns (item number is the order)."""

    page = ParentalKey("procurement.MonthlySummaryPage", on_delete=models.CASCADE, related_name="rows")
    work = models.CharField(
        _("work procured"), max_length=500, help_text=_("What was bought or hired, e.g. surgical gloves, 100 boxes")
    )
    budget_amount = money_field(_("budget amount (baht)"))
    reference_price = money_field(_("reference price (baht)"))
    method = models.CharField(_("procurement method"), max_length=20, choices=Method.choices)
    bidders = models.TextField(
        _("bidders and prices offered"),
        help_text=_("One bidder per line with the price offered, e.g. บริษัท ฮอดเมดิคอล จำกัด 45,000.00"),
    )
    supplier_name = models.CharField(_("selected supplier"), max_length=300)
    agreed_price = money_field(_("agreed price (baht)"))
    reason = models.CharField(
        _("reason for selection"),
        max_length=500,
        help_text=_("In short, e.g. lowest price and meets the specification"),
    )
    contract_number = models.CharField(_("contract or purchase order number"), max_length=100)
    contract_date = models.DateField(_("contract or purchase order date"))
    egp_project_number = models.CharField(_("e-GP project number"), max_length=20, blank=True, validators=[EGP_NUMBER])

    panels = [
        FieldPanel("work"),
        FieldRowPanel([FieldPanel("budget_amount"), FieldPanel("reference_price")]),
        FieldPanel("method"),
        FieldPanel("bidders"),
        FieldRowPanel([FieldPanel("supplier_name"), FieldPanel("agreed_price")]),
        FieldPanel("reason"),
        FieldRowPanel([FieldPanel("contract_number"), FieldPanel("contract_date"), FieldPanel("egp_project_number")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("procurement item")
        verbose_name_plural = _("procurement items")

    def __str__(self):
        return self.work

    @property
    def method_short(self):
        return METHOD_SHORT.get(self.method, self.get_method_display())

    def bidder_lines(self):
        return [line.strip() for line in (self.bidders or "").splitlines() if line.strip()]


class MonthlySummaryForm(WagtailAdminPageForm):
    """Tells the page what the editor submitted: the rows of the inline formset and the parent page.

    The page's own ``clean`` cannot see the submitted rows (they are saved after validation), so the
    rule "rows or no procurement, not both, not neither" and the one-summary-per-month rule use this.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "fiscal_month" in self.fields:
            self.fields["fiscal_month"].required = True  # one page per month: the month is not optional here

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("rows")
        count = 0
        if formset is not None and formset.is_valid():
            deleted = set(map(id, formset.deleted_forms)) if formset.can_delete else set()
            for i, form in enumerate(formset.forms):
                if id(form) in deleted:
                    continue
                if i < formset.initial_form_count() or form.has_changed():
                    count += 1
        elif formset is not None:
            count = None  # the rows have their own errors; do not add a confusing one
        self.instance._submitted_row_count = count
        self.instance._submitted_parent = self.parent_page
        self.instance._submitted_as_draft = self.is_deferred_validation
        return cleaned_data


class MonthlySummaryPage(RoutablePageMixin, CollectErrorsMixin, FiscalPeriodFields, ItemPage):
    """แบบ สขร.1 of one month (MOIT 5): the public reads the table on the page and downloads the same
    month as PDF (for the ITA evidence) or XLSX (to reuse the figures). One page per month."""

    no_procurement = models.BooleanField(
        _("no procurement this month"),
        default=False,
        help_text=_("Tick when the hospital bought and hired nothing this month; then enter no items"),
    )
    period_granularity = "month"
    base_form_class = MonthlySummaryForm

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("fiscal_month")], heading=_("Month of the summary")),
        FieldPanel("no_procurement"),
        InlinePanel("rows", heading=_("Procurement of the month (SorKhor 1)"), label=_("procurement item")),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("attachments"),
        MultiFieldPanel(
            [*ItemPage.owner_panels, *ItemPage.source_panels],
            heading=_("Facts shown with the item (owner, data period, source)"),
        ),
    ]
    search_fields = ItemPage.search_fields + [
        index.RelatedFields("rows", [index.SearchField("work"), index.SearchField("supplier_name")]),
    ]

    parent_page_types = ["procurement.MonthlySummaryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("monthly procurement summary (SorKhor 1)")
        verbose_name_plural = _("monthly procurement summaries (SorKhor 1)")

    # -- validation -------------------------------------------------------------------------------

    def _sync_quarter(self):
        if self.fiscal_month:
            self.fiscal_quarter = thai_dates.fiscal_quarter(thai_dates.dt.date(2000, self.fiscal_month, 1))

    def clean(self):
        self._sync_quarter()  # before FiscalPeriodFields compares month and quarter
        super().clean()

    def save(self, *args, **kwargs):
        self._sync_quarter()
        return super().save(*args, **kwargs)

    def clean_item(self, errors):
        if not (self.fiscal_year and self.fiscal_month) or "fiscal_month" in errors or "fiscal_year" in errors:
            return
        if self.month_start > timezone.localdate():
            errors["fiscal_month"] = _(
                "This month has not begun yet: a summary can only cover a month that has started."
            )
        parent = getattr(self, "_submitted_parent", None) or (self.get_parent() if self.path else None)
        if parent is not None:
            same_month = MonthlySummaryPage.objects.child_of(parent).filter(
                fiscal_year=self.fiscal_year, fiscal_month=self.fiscal_month
            )
            if self.pk:
                same_month = same_month.exclude(pk=self.pk)
            if same_month.exists():
                errors.setdefault(
                    "fiscal_month",
                    _("There is already a summary for %(month)s here: edit that page instead.")
                    % {"month": self.month_label},
                )
        if getattr(self, "_submitted_as_draft", False):
            return  # a draft may be incomplete; publishing checks the rows
        count = getattr(self, "_submitted_row_count", False)
        if count is None:
            return
        if count is False:
            count = len(self.rows.all())
        if count and self.no_procurement:
            errors["no_procurement"] = _(
                "You ticked “no procurement this month” but also entered procurement items: "
                "remove the items or untick the box."
            )
        elif not count and not self.no_procurement:
            errors["no_procurement"] = _(
                "Enter the procurement of this month, or tick “no procurement this month” if there was none."
            )

    # -- what the page, the PDF and the XLSX show ----------------------------------------------------

    @property
    def month_start(self):
        return self.period_range[0]

    @property
    def month_label(self):
        """ "ตุลาคม 2568" — the calendar month and its Buddhist-Era year."""
        return thai_dates.thai_month_year(self.month_start)

    @property
    def title_line(self):
        return _("Form SorKhor 1: summary of procurement in the month of %(month)s") % {"month": self.month_label}

    @cached_property
    def row_list(self):
        return list(self.rows.all())

    @property
    def totals(self):
        rows = self.row_list
        return {
            "budget_amount": sum((r.budget_amount or 0 for r in rows), start=ZERO),
            "reference_price": sum((r.reference_price or 0 for r in rows), start=ZERO),
            "agreed_price": sum((r.agreed_price or 0 for r in rows), start=ZERO),
        }

    @property
    def export_basename(self):
        """ "sorkhor1-2568-10": ASCII, so every browser and e-mail system keeps the name."""
        return f"sorkhor1-{thai_dates.be_year(self.month_start)}-{self.month_start.month:02d}"

    def export_data(self, request=None):
        from procurement import exports

        return exports.summary_data(self, request=request)

    def get_context(self, request, *args, **kwargs):
        from procurement import exports

        context = super().get_context(request, *args, **kwargs)
        data = self.export_data(request)
        context["summary"] = data
        context["exports"] = exports.export_links(self, data, request)
        return context

    # -- downloads ---------------------------------------------------------------------------------

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from procurement import exports

        return self._download(exports.pdf_bytes(self.export_data(request)), "pdf", exports.PDF_CONTENT_TYPE)

    @path("xlsx/", name="xlsx")
    def xlsx(self, request):
        from procurement import exports

        return self._download(exports.xlsx_bytes(self.export_data(request)), "xlsx", exports.XLSX_CONTENT_TYPE)

    def _download(self, content, extension, content_type):
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.export_basename}.{extension}"'
        response["Content-Length"] = str(len(content))
        return response


class MonthlySummaryIndexPage(ProcurementListingPage):
    """The monthly สขร.1 summaries, newest month first, filterable by fiscal year and month, with the
    twelve months of a fiscal year shown as published or missing (MOIT 5 asks for all twelve)."""

    listing_model = MonthlySummaryPage
    subpage_types = ["procurement.MonthlySummaryPage"]
    moit_label = "MOIT 5"
    per_page = 24

    class Meta:
        verbose_name = _("monthly procurement summary listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = context["items"].object_list
        stats = {
            s["page_id"]: s
            for s in MonthlySummaryRow.objects.filter(page_id__in=[i.pk for i in items])
            .values("page_id")
            .annotate(count=models.Count("id"), agreed=models.Sum("agreed_price"))
        }
        for item in items:
            s = stats.get(item.pk, {})
            item.row_count = s.get("count", 0)
            item.agreed_total = s.get("agreed")
        context["months_status"] = self.months_status(request, context["filters"])
        return context

    def months_status(self, request, filters):
        """The twelve months of the chosen (or latest) fiscal year, each with its summary or None."""
        fy = filters["active"].get("fy") or (filters["fiscal_years"][0] if filters["fiscal_years"] else None)
        if fy is None:
            return None
        pages = {
            p.fiscal_month: p
            for p in MonthlySummaryPage.objects.child_of(self)
            .live()
            .public()
            .filter(fiscal_year=fy)
            .only("id", "title", "url_path", "fiscal_year", "fiscal_month", "no_procurement", "path", "depth")
        }
        today = timezone.localdate()
        months = []
        for year, month in thai_dates.fiscal_months(fy):
            started = thai_dates.dt.date(year, month, 1) <= today
            months.append(
                {
                    "label": f"{thai_dates.thai_month(month, short=True)} {thai_dates.be_year(year)}",
                    "page": pages.get(month),
                    "started": started,
                }
            )
        return {"fiscal_year": fy, "months": months, "published": len(pages)}
