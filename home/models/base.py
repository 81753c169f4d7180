"""Departments and the abstract base page with the facts every published item must show (R2.1).

R2.1 asks that every item states its owner, the period its data covers, its publish date and,
for files, their type and size; R2.8 asks for the source of material from elsewhere. Each fact is a
small abstract mixin that brings its own fields, panels and validation; ``ItemPage`` composes them,
and the category apps (disclosure, procurement, manuals) build their page types on it.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home import thai_dates
from home.blocks import AttachmentsBlock, BodyBlock
from home.search.fields import ThaiSearchMixin


class Department(models.Model):
    """A group or unit of the hospital (กลุ่มงาน / งาน): owner of data and, later, of permissions."""

    class Kind(models.TextChoices):
        GROUP = "group", _("Group (กลุ่มงาน)")
        UNIT = "unit", _("Unit (งาน)")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.GROUP)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=100, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    editor_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editor_of",
        verbose_name=_("editors' group"),
        help_text=_("Staff who draft and submit this unit's items (set by setup_roles)"),
    )
    head_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="head_of",
        verbose_name=_("heads' group"),
        help_text=_("The head(s) who approve this unit's items (set by setup_roles)"),
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="department",
        verbose_name=_("files collection"),
        help_text=_("Where this unit's staff upload documents and images (set by setup_roles)"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("is_active"),
        FieldRowPanel([FieldPanel("editor_group"), FieldPanel("head_group")]),
        FieldPanel("collection"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name


FISCAL_YEAR_VALIDATORS = [MinValueValidator(2550), MaxValueValidator(2700)]
QUARTER_CHOICES = [(q, thai_dates.fiscal_quarter_label(q)) for q in (1, 2, 3, 4)]
MONTH_CHOICES = [(m, thai_dates.thai_month(m)) for m in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)]


class OwnerFields(models.Model):
    """Who owns the data: a department record, and an e-mail for owners without a CMS account."""

    owner_unit = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner unit"),
        help_text=_("The group or unit that owns this information and answers for it"),
    )
    owner_email = models.EmailField(
        _("owner e-mail"),
        blank=True,
        help_text=_("Optional: the owner is told at this address when the item is published or expires"),
    )

    owner_panels = [FieldPanel("owner_unit"), FieldPanel("owner_email")]

    class Meta:
        abstract = True


class SourceFields(models.Model):
    """Where the material comes from (R2.8). Page types set ``source_required`` when the law asks."""

    source = models.CharField(
        _("source / reference"),
        max_length=500,
        blank=True,
        help_text=_(
            "Where this information comes from, e.g. the Royal Gazette, a ministry website, or the hospital's own unit"
        ),
    )
    source_required = False

    source_panels = [FieldPanel("source")]

    class Meta:
        abstract = True

    def clean_source(self, errors):
        if self.source_required and not (self.source or "").strip():
            errors["source"] = _("Enter the source of this information: it is required for this kind of item.")


class DataPeriodFields(models.Model):
    """The period the data covers, as dates (R2.1: ช่วงวันที่ของข้อมูล)."""

    # Indexed: listings are ordered and filtered by it (newest first, by fiscal year).
    period_start = models.DateField(
        _("data period from"), help_text=_("The first day the information covers or applies from"), db_index=True
    )
    period_end = models.DateField(
        _("data period to"), null=True, blank=True, help_text=_("Leave blank if the information is still current")
    )

    period_panels = [FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Data period"))]

    class Meta:
        abstract = True

    def clean_period(self, errors):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The end of the data period cannot be before its start.")

    @property
    def period_label(self):
        if not self.period_start:
            return ""
        start = thai_dates.thai_date(self.period_start)
        if not self.period_end:
            return _("from %(start)s onwards") % {"start": start}
        return f"{start} – {thai_dates.thai_date(self.period_end)}"

    @property
    def period_fiscal_year(self):
        return thai_dates.fiscal_year(self.period_start) if self.period_start else None


class FiscalPeriodFields(models.Model):
    """The period as fiscal year (พ.ศ.) and, for periodic categories, quarter or month.

    ``period_granularity`` of the page type says what is required: "year", "quarter" or "month".
    """

    # Indexed: listings are ordered and filtered by it (newest first, by fiscal year).
    fiscal_year = models.PositiveIntegerField(
        _("fiscal year (B.E.)"),
        db_index=True,
        validators=FISCAL_YEAR_VALIDATORS,
        help_text=_("The Buddhist-Era fiscal year the information is about, e.g. 2569 (1 Oct 2568 – 30 Sep 2569)"),
    )
    fiscal_quarter = models.PositiveSmallIntegerField(_("quarter"), choices=QUARTER_CHOICES, null=True, blank=True)
    fiscal_month = models.PositiveSmallIntegerField(_("month"), choices=MONTH_CHOICES, null=True, blank=True)
    period_granularity = "year"

    period_panels = [
        FieldRowPanel(
            [FieldPanel("fiscal_year"), FieldPanel("fiscal_quarter"), FieldPanel("fiscal_month")],
            heading=_("Data period"),
        )
    ]

    class Meta:
        abstract = True

    def clean_period(self, errors):
        if self.period_granularity == "quarter" and not self.fiscal_quarter:
            errors["fiscal_quarter"] = _("Choose the quarter this report covers.")
        if self.period_granularity == "month" and not self.fiscal_month:
            errors["fiscal_month"] = _("Choose the month this report covers.")
        if self.fiscal_quarter and self.fiscal_month:
            month_quarter = thai_dates.fiscal_quarter(thai_dates.dt.date(2000, self.fiscal_month, 1))
            if month_quarter != self.fiscal_quarter:
                errors["fiscal_month"] = _("This month is not in the chosen quarter.")

    @property
    def period_start(self):
        if not self.fiscal_year:
            return None
        return self.period_range[0]

    @property
    def period_end(self):
        if not self.fiscal_year:
            return None
        return self.period_range[1]

    @property
    def period_range(self):
        fy = self.fiscal_year
        if self.fiscal_month:
            year = thai_dates.ce_year(fy) - (1 if self.fiscal_month >= 10 else 0)
            first = thai_dates.dt.date(year, self.fiscal_month, 1)
            next_first = thai_dates.dt.date(year + (self.fiscal_month // 12), self.fiscal_month % 12 + 1, 1)
            return first, next_first - thai_dates.dt.timedelta(days=1)
        if self.fiscal_quarter:
            return thai_dates.fiscal_quarter_range(fy, self.fiscal_quarter)
        return thai_dates.fiscal_year_range(fy)

    @property
    def period_label(self):
        if not self.fiscal_year:
            return ""
        if self.fiscal_month:
            year = thai_dates.be_year(self.period_range[0])
            return (
                f"{thai_dates.thai_month(self.fiscal_month)} {year} ({thai_dates.fiscal_year_label(self.fiscal_year)})"
            )
        if self.fiscal_quarter:
            start, end = self.period_range
            return (
                f"{thai_dates.fiscal_quarter_label(self.fiscal_quarter)} {thai_dates.fiscal_year_label(self.fiscal_year)} "
                f"({thai_dates.thai_date(start, short=True)} – {thai_dates.thai_date(end, short=True)})"
            )
        return thai_dates.fiscal_year_label(self.fiscal_year)

    @property
    def period_fiscal_year(self):
        return self.fiscal_year


class FactsMixin:
    """Everything the facts box shows, computed once (logic out of the template)."""

    def facts(self):
        rows = [(_("Owner of the information"), self.owner_unit.name if self.owner_unit_id else "")]
        if getattr(self, "owner_email", ""):
            rows.append((_("Contact"), self.owner_email))
        if getattr(self, "source", ""):
            rows.append((_("Source"), self.source))
        rows.append((_("Data period"), self.period_label))
        if self.first_published_at:
            rows.append((_("Published on"), thai_dates.thai_date(self.first_published_at)))
        if (
            self.last_published_at
            and self.first_published_at
            and self.last_published_at.date() != self.first_published_at.date()
        ):
            rows.append((_("Last updated on"), thai_dates.thai_date(self.last_published_at)))
        return [(label, value) for label, value in rows if value]

    def clean(self):
        super().clean()
        errors = {}
        for hook in ("clean_source", "clean_period"):
            if hasattr(self, hook):
                getattr(self, hook)(errors)
        if errors:
            raise ValidationError(errors)


class ItemPage(ThaiSearchMixin, FactsMixin, OwnerFields, SourceFields, Page):
    """Abstract base of every published item: the R2.1 facts, an introduction, a body and attachments.

    Subclasses add a period mixin (``DataPeriodFields`` or ``FiscalPeriodFields``) and their own fields.
    Its search fields, and the ones subclasses add, are indexed as Thai words (``ThaiSearchMixin``).
    """

    intro = models.TextField(
        _("summary"), blank=True, max_length=1000, help_text=_("One or two sentences shown in lists and search results")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    attachments = StreamField(AttachmentsBlock(), blank=True, verbose_name=_("attached files"))

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("owner_unit"),
    ]

    # Panels of the type's own fields, placed between the summary and the body.
    extra_panels = []

    class Meta:
        abstract = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "content_panels" not in cls.__dict__ and hasattr(cls, "period_panels"):
            cls.content_panels = cls.item_panels(*cls.extra_panels)

    @classmethod
    def facts_panel(cls):
        return MultiFieldPanel(
            [*cls.owner_panels, *cls.period_panels, *cls.source_panels],
            heading=_("Facts shown with the item (owner, data period, source)"),
        )

    @classmethod
    def item_panels(cls, *extra):
        """Content panels: title, summary, the type's own fields, body, attachments, then the facts."""
        return [
            *Page.content_panels,
            FieldPanel("intro"),
            *extra,
            FieldPanel("body"),
            FieldPanel("attachments"),
            cls.facts_panel(),
        ]

    def documents(self):
        """The attached documents, for lists and the facts box."""
        return [block.value["document"] for block in self.attachments if block.value.get("document")]
