"""The ITA section (MOPH ITA, MOIT 1–22): the checklist items of each fiscal year as data, and one
page per fiscal year linking the evidence for every item.

The titles of the 22 MOIT items change from year to year (MOIT 20 is conflict-of-interest training
in FY2567 and the International Anti-Corruption Day in FY2569), so they are records per fiscal year
(``MoitItem``, edited under *MOIT items* in the admin), never text in code or templates. Each item
carries its frequency and due quarters so the compliance dashboard ([4/6]) can tell what is missing.
"""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable
from wagtail.search import index

from home import thai_dates
from home.models import FiscalPeriodFields, ItemPage
from home.models.base import FISCAL_YEAR_VALIDATORS, MONTH_CHOICES, QUARTER_CHOICES

from .common import DisclosureIndexPage, TypeChecksMixin, add_error

MOIT_CHOICES = [(n, f"MOIT {n}") for n in range(1, 23)]
INDICATOR_CHOICES = [(n, format_lazy("{} {}", _("Indicator"), n)) for n in range(1, 10)]
_QUARTERS_RE = re.compile(r"^\s*[1-4](\s*,\s*[1-4])*\s*$")
SUB_ITEM_CODE_RE = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s+")
_BE_YEAR_RE = re.compile(r"(?<!\d)(25\d\d)(?!\d)")


def shift_years(text, from_fy, to_fy):
    """Move the fiscal years named in an item title to another year: "พ.ศ. 2569" -> "พ.ศ. 2570".

    Only the fiscal year itself and the year before it move; older years in a title are the dates
    of laws and announcements ("… พ.ศ. 2564") and stay as they are.
    """
    delta = to_fy - from_fy

    def move(match):
        year = int(match.group(1))
        return str(year + delta) if year in (from_fy - 1, from_fy) else match.group(1)

    return _BE_YEAR_RE.sub(move, text)


class MoitItem(models.Model):
    """One MOIT item of one fiscal year's MOPH ITA: its title, indicator group, and when it is due."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Every month")
        QUARTERLY = "quarterly", _("Every quarter")
        HALF_YEARLY = "half_yearly", _("Twice a year")
        YEARLY = "yearly", _("Once a year")
        FIXED_DATE = "fixed_date", _("By a fixed date")

    fiscal_year = models.PositiveIntegerField(
        _("fiscal year (B.E.)"), validators=FISCAL_YEAR_VALIDATORS, help_text=_("The year of the assessment, e.g. 2569")
    )
    number = models.PositiveSmallIntegerField(
        _("MOIT number"), choices=MOIT_CHOICES, validators=[MinValueValidator(1), MaxValueValidator(22)]
    )
    title = models.TextField(_("title"), help_text=_("The item's title exactly as in that year's MOPH ITA manual"))
    indicator = models.PositiveSmallIntegerField(
        _("indicator"), choices=INDICATOR_CHOICES, validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    indicator_title = models.CharField(_("indicator title"), max_length=200, help_text=_("e.g. การเปิดเผยข้อมูล"))
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency.choices)
    due_quarters = models.CharField(
        _("due in quarters"),
        max_length=20,
        blank=True,
        help_text=_("For items due once or twice a year: the quarters, e.g. 2,4 (quarterly and monthly items: all)"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True, help_text=_("For items due by a fixed date"))
    notes = models.TextField(_("notes"), blank=True, help_text=_("What evidence the manual asks for, in short"))
    sub_items = models.TextField(
        _("sub-items"),
        blank=True,
        help_text=_(
            "The evidence the manual lists under this item, one per line starting with its number, "
            "e.g. 2.10 รายงานผลการดำเนินงานตามแผนปฏิบัติการประจำปี. Evidence labelled with the same number counts for it."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("number")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("indicator"), FieldPanel("indicator_title")]),
        FieldRowPanel([FieldPanel("frequency"), FieldPanel("due_quarters"), FieldPanel("due_date")], heading=_("Due")),
        FieldPanel("notes"),
        FieldPanel("sub_items"),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("fiscal_year"), index.FilterField("indicator")]

    class Meta:
        ordering = ["-fiscal_year", "number"]
        constraints = [models.UniqueConstraint(fields=["fiscal_year", "number"], name="disclosure_moit_item_unique")]
        verbose_name = _("MOIT item")
        verbose_name_plural = _("MOIT items")

    def __str__(self):
        return f"MOIT {self.number} ({self.fiscal_year}): {self.title[:80]}"

    def validate_unique(self, exclude=None):
        try:
            super().validate_unique(exclude)
        except ValidationError:
            raise ValidationError({"number": _("This fiscal year already has this MOIT item.")})

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude)
        except ValidationError:
            raise ValidationError({"number": _("This fiscal year already has this MOIT item.")})

    def clean(self):
        super().clean()
        errors = {}
        if self.due_quarters and not _QUARTERS_RE.match(self.due_quarters):
            errors["due_quarters"] = _("Write the quarters as numbers 1 to 4 separated by commas, e.g. 2,4.")
        elif self.frequency in (self.Frequency.YEARLY, self.Frequency.HALF_YEARLY) and not self.due_quarters:
            errors["due_quarters"] = _("Enter the quarter(s) in which this item is due.")
        if self.frequency == self.Frequency.FIXED_DATE:
            if not self.due_date:
                errors["due_date"] = _("Enter the date by which this item is due.")
            elif self.fiscal_year and thai_dates.fiscal_year(self.due_date) != self.fiscal_year:
                errors["due_date"] = _("The due date must be in the item's fiscal year.")
        if errors:
            raise ValidationError(errors)

    @property
    def due_quarter_list(self):
        if self.frequency in (self.Frequency.MONTHLY, self.Frequency.QUARTERLY):
            return [1, 2, 3, 4]
        if self.frequency == self.Frequency.FIXED_DATE and self.due_date:
            return [thai_dates.fiscal_quarter(self.due_date)]
        if self.due_quarters and _QUARTERS_RE.match(self.due_quarters):
            return sorted({int(q) for q in self.due_quarters.split(",")})
        return []

    def due_periods(self):
        """The periods for which evidence is due: [{"quarter", "month", "start", "end", "label"}]."""
        fy = self.fiscal_year
        periods = []
        if self.frequency == self.Frequency.MONTHLY:
            for year, month in thai_dates.fiscal_months(fy):
                start = dt.date(year, month, 1)
                end = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
                periods.append(
                    {
                        "quarter": thai_dates.fiscal_quarter(start),
                        "month": month,
                        "start": start,
                        "end": end,
                        "label": thai_dates.thai_month_year(start),
                    }
                )
        elif self.frequency == self.Frequency.FIXED_DATE and self.due_date:
            periods.append(
                {
                    "quarter": thai_dates.fiscal_quarter(self.due_date),
                    "month": None,
                    "start": thai_dates.fiscal_year_range(fy)[0],
                    "end": self.due_date,
                    "label": thai_dates.thai_date(self.due_date),
                }
            )
        else:
            for quarter in self.due_quarter_list:
                start, end = thai_dates.fiscal_quarter_range(fy, quarter)
                periods.append(
                    {
                        "quarter": quarter,
                        "month": None,
                        "start": start,
                        "end": end,
                        "label": thai_dates.fiscal_quarter_label(quarter, fy),
                    }
                )
        return periods

    def sub_item_list(self):
        """[(code, text)] from ``sub_items``: "2.10 รายงาน…" -> ("2.10", "รายงาน…"); a line without a number has code ""."""
        rows = []
        for line in (self.sub_items or "").splitlines():
            line = line.strip()
            if line:
                match = SUB_ITEM_CODE_RE.match(line)
                rows.append((match.group(1), line[match.end() :].strip()) if match else ("", line))
        return rows

    @property
    def due_label(self):
        """ "Twice a year: ไตรมาสที่ 2, ไตรมาสที่ 4" — for the public page and the admin list."""
        if self.frequency == self.Frequency.FIXED_DATE and self.due_date:
            return _("By %(date)s") % {"date": thai_dates.thai_date(self.due_date)}
        if self.frequency in (self.Frequency.YEARLY, self.Frequency.HALF_YEARLY) and self.due_quarter_list:
            quarters = ", ".join(thai_dates.fiscal_quarter_label(q) for q in self.due_quarter_list)
            return f"{self.get_frequency_display()} ({quarters})"
        return str(self.get_frequency_display())

    @classmethod
    def copy_year(cls, from_fy, to_fy):
        """Create ``to_fy``'s items from ``from_fy``'s, years in titles and due dates moved; return how many.

        Items ``to_fy`` already has are kept. The copy is a draft for the webmaster to check against the
        new year's manual: titles that change in substance must be edited by hand.
        """
        existing = set(cls.objects.filter(fiscal_year=to_fy).values_list("number", flat=True))
        delta = to_fy - from_fy
        created = []
        for item in cls.objects.filter(fiscal_year=from_fy).exclude(number__in=existing):
            due_date = None
            if item.due_date:
                try:
                    due_date = item.due_date.replace(year=item.due_date.year + delta)
                except ValueError:  # 29 February
                    due_date = item.due_date.replace(year=item.due_date.year + delta, day=28)
            created.append(
                cls(
                    fiscal_year=to_fy,
                    number=item.number,
                    title=shift_years(item.title, from_fy, to_fy),
                    indicator=item.indicator,
                    indicator_title=item.indicator_title,
                    frequency=item.frequency,
                    due_quarters=item.due_quarters,
                    due_date=due_date,
                    notes=item.notes,
                    sub_items=item.sub_items,
                )
            )
        with transaction.atomic():
            cls.objects.bulk_create(created)
        return len(created)


class ITAYearPageForm(WagtailAdminPageForm):
    """One ITA page per fiscal year under the same section."""

    def clean(self):
        cleaned = super().clean()
        fiscal_year = cleaned.get("fiscal_year")
        parent = getattr(self, "parent_page", None)
        if fiscal_year and parent is not None:
            others = ITAYearPage.objects.child_of(parent).filter(fiscal_year=fiscal_year)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error("fiscal_year", _("There is already an ITA page for this fiscal year."))
        return cleaned


class ITAYearPage(RoutablePageMixin, TypeChecksMixin, FiscalPeriodFields, ItemPage):
    """The evidence of one fiscal year's MOPH ITA: for each MOIT item of that year, the links to the
    pages and files that prove it and the status of each due period (what assessors visit), with the
    list as XLSX or CSV (``export/xlsx/``, ``export/csv/``) for entry into MITAS."""

    base_form_class = ITAYearPageForm
    # The status code (``disclosure.ita``) reads these models, so the page must not import it:
    # ``DisclosureConfig.ready`` hands the page ``disclosure.ita.views`` for its status and export.
    ita_views = None
    extra_panels = [InlinePanel("evidence", heading=_("Evidence by MOIT item"), label=_("Evidence"))]
    period_panels = [FieldPanel("fiscal_year")]
    parent_page_types = ["disclosure.ITAIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("ITA fiscal year")
        verbose_name_plural = _("ITA fiscal years")

    def check_type(self, errors):
        if self.fiscal_year and not MoitItem.objects.filter(fiscal_year=self.fiscal_year).exists():
            add_error(
                errors,
                "fiscal_year",
                _("No MOIT items are recorded for this fiscal year: add them under MOIT items first."),
            )

    def coverage(self):
        """(items with at least one piece of evidence, items of the year)."""
        numbers = set(MoitItem.objects.filter(fiscal_year=self.fiscal_year).values_list("number", flat=True))
        covered = set(self.evidence.values_list("moit_number", flat=True)) & numbers
        return len(covered), len(numbers)

    def status_report(self):
        """The public status of the year (``disclosure.ita``): only evidence the public can open."""
        return self.ita_views.public_report(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        report = self.status_report()
        context["ita_report"] = report
        context["ita_groups"] = report.groups()
        return context

    @path("export/<str:fmt>/")
    def export(self, request, fmt):
        """The evidence list with absolute public addresses, for MITAS."""
        return self.ita_views.public_export(self, request, fmt)

    def moit_items(self):
        return list(MoitItem.objects.filter(fiscal_year=self.fiscal_year).order_by("number"))

    def indicator_groups(self):
        """[{"number", "title", "items": [{"item", "evidence"}]}] for the template, in two queries."""
        evidence = {}
        for row in self.evidence.select_related("linked_page", "document"):
            evidence.setdefault(row.moit_number, []).append(row)
        groups = []
        for item in self.moit_items():
            if not groups or groups[-1]["number"] != item.indicator:
                groups.append({"number": item.indicator, "title": item.indicator_title, "items": []})
            groups[-1]["items"].append({"item": item, "evidence": evidence.get(item.number, [])})
        return groups


class ITAEvidence(Orderable):
    """A link to the evidence of one MOIT item: a page of the site, a document or an outside address."""

    page = ParentalKey(ITAYearPage, on_delete=models.CASCADE, related_name="evidence")
    moit_number = models.PositiveSmallIntegerField(_("MOIT item"), choices=MOIT_CHOICES)
    label = models.CharField(
        _("label"), max_length=300, help_text=_("What this evidence is, e.g. 2.10 รายงานผลไตรมาสที่ 1")
    )
    linked_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("page")
    )
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    url = models.URLField(_("or an outside address"), blank=True)
    fiscal_quarter = models.PositiveSmallIntegerField(
        _("quarter"), choices=QUARTER_CHOICES, null=True, blank=True, help_text=_("For items due per quarter")
    )
    fiscal_month = models.PositiveSmallIntegerField(
        _("month"), choices=MONTH_CHOICES, null=True, blank=True, help_text=_("For items due every month")
    )

    panels = [
        FieldRowPanel([FieldPanel("moit_number"), FieldPanel("fiscal_quarter"), FieldPanel("fiscal_month")]),
        FieldPanel("label"),
        PageChooserPanel("linked_page"),
        FieldPanel("document"),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("ITA evidence")
        verbose_name_plural = _("ITA evidence")

    def __str__(self):
        return f"MOIT {self.moit_number}: {self.label}"

    def clean(self):
        super().clean()
        if not (self.linked_page_id or self.document_id or self.url):
            raise ValidationError({"linked_page": _("Choose a page or a document, or enter an outside address.")})
        if self.fiscal_quarter and self.fiscal_month:
            if thai_dates.fiscal_quarter(dt.date(2000, self.fiscal_month, 1)) != self.fiscal_quarter:
                raise ValidationError({"fiscal_month": _("This month is not in the chosen quarter.")})

    @property
    def period_label(self):
        if self.fiscal_month:
            return thai_dates.thai_month(self.fiscal_month)
        if self.fiscal_quarter:
            return thai_dates.fiscal_quarter_label(self.fiscal_quarter)
        return ""


class ITAIndexPage(DisclosureIndexPage):
    """The ITA section: one page per fiscal year with the evidence of MOIT 1–22."""

    listing_model = ITAYearPage
    subpage_types = ["disclosure.ITAYearPage"]

    class Meta:
        verbose_name = _("ITA index")
