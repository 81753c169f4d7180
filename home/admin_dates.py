"""Dates in the admin in the Buddhist Era: shown as พ.ศ., typed as พ.ศ., impossible years refused in Thai.

Wagtail's date and date-time inputs show and read Christian-Era years through a JavaScript picker, so
"2569" typed by staff became the year 2569 C.E. and was saved without a word. Every date and date-time field
of a Wagtail admin form (page facts and data period, documents' period, settings, snippets, complaint and
feedback records) gets a plain text input here instead, registered with Wagtail's form-field overrides, and
the page's schedule (go-live, expiry) gets the same through ``ThaiPublishingPanel``, and so do the places
Wagtail builds its own date fields outside model forms:

- StreamField date and date-time blocks (``wagtail.blocks.DateBlock``, ``DateTimeBlock``): the block's form
  field is ours, and Wagtail's telepath editor renders its plain text input and the พ.ศ. value it formats;
  the stream still stores ISO Christian-Era dates;
- the date filters of Wagtail's listings and reports (site history, locked and aging pages, workflows, the
  page explorer, users, form submissions, any ``list_filter`` on a date): ``DateFromToRangeFilter`` and
  ``DateFilter``/``DateTimeFilter`` read พ.ศ. in our inputs, and the active-filter chips show พ.ศ.;

- shown as ``03/12/2569`` and ``03/12/2569 14:30``;
- read as day/month/year in พ.ศ. (``/``, ``-`` or ``.`` between, Thai digits too, or "3 ธ.ค. 2569"); ISO
  dates (``2026-12-03``, what scripts and browsers send) are Christian Era by definition;
- a year before B.E. 2400 is a Christian-Era year typed by mistake and is refused with the พ.ศ. it probably
  meant; a date more than ``DATE_YEARS_AHEAD`` years ahead, or a date-time (schedules, receipts) more than
  ``DATETIME_YEARS_AHEAD`` years ahead, is refused as impossible. Every message names the field.
"""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.active_filters import (
    BaseFilterAdapter,
    DateFromToRangeFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.models import Page
from wagtail.models.panels import PanelPlaceholder

import django_filters
from django_filters.fields import DateRangeField, RangeField
from django_filters.widgets import SuffixedMultiWidget

from home.thai_dates import be_year, from_thai_digits, parse_thai_date, thai_date

BE_OFFSET = 543
MIN_BE_YEAR = 2400  # B.E. 2400 is 1857 C.E.: anything smaller is a Christian-Era year typed as พ.ศ.
DATE_YEARS_AHEAD = 5  # a five-year plan's end is the furthest date the site's records reach
DATETIME_YEARS_AHEAD = 2  # go-live, expiry, a receipt: never more than two years ahead of today

_SEP = r"\s*[/.\-]\s*"
_BE_DATE = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(?P<date>.+?)[\sT,]+(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?(?:\s*น\.?)?")


def be_text(value):
    """ "03/12/2569" for a date; "03/12/2569 14:30" for a date-time (in the site's time zone)."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return f"{be_text(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return f"{value.day:02d}/{value.month:02d}/{be_year(value)}"
    return value


def _label(field):
    return str(field.label or _("This date"))


def parse_be_date(text, field_label):
    """A date from what staff typed; ValidationError naming the field when it is not a possible date."""
    text = from_thai_digits(text).strip()
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        if year >= MIN_BE_YEAR:  # an ISO shape with a พ.ศ. year
            year -= BE_OFFSET
    else:
        match = _BE_DATE.fullmatch(text)
        if match:
            day, month, be = (int(part) for part in match.groups())
        else:
            try:
                thai = parse_thai_date(text)
            except ValueError:
                raise ValidationError(
                    _("%(field)s: write the date as day/month/year in the Buddhist Era, e.g. 03/12/2569."),
                    code="invalid",
                    params={"field": field_label},
                ) from None
            day, month, be = thai.day, thai.month, thai.year + BE_OFFSET
        if be < MIN_BE_YEAR:
            raise ValidationError(
                _(
                    "%(field)s: the year %(year)s looks like a Christian-Era year. Write the year in the Buddhist "
                    "Era (พ.ศ.), e.g. %(be)s."
                ),
                code="christian_era_year",
                params={"field": field_label, "year": be, "be": be + BE_OFFSET},
            )
        year = be - BE_OFFSET
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValidationError(
            _("%(field)s: there is no such day (%(text)s)."),
            code="invalid",
            params={"field": field_label, "text": text},
        ) from None


class BuddhistEraDateInput(forms.TextInput):
    """A text input showing a date as 03/12/2569 (no Christian-Era picker)."""

    def __init__(self, attrs=None):
        defaults = {"autocomplete": "off", "inputmode": "numeric", "placeholder": _("dd/mm/yyyy (B.E.)")}
        defaults["class"] = "hod-be-date"
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return be_text(value)
        return super().format_value(value)


class BuddhistEraDateTimeInput(forms.TextInput):
    """A text input showing a date-time as 03/12/2569 14:30, in the site's time zone."""

    def __init__(self, attrs=None):
        defaults = {"autocomplete": "off", "placeholder": _("dd/mm/yyyy hh:mm (B.E.)")}
        defaults["class"] = "hod-be-datetime"
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.datetime):
            return be_text(value)
        return super().format_value(value)


class BuddhistEraDateField(forms.DateField):
    widget = BuddhistEraDateInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return parse_be_date(str(value), _label(self))

    def validate(self, value):
        super().validate(value)
        if value and be_year(value) > be_year(timezone.localdate()) + DATE_YEARS_AHEAD:
            raise ValidationError(
                _("%(field)s: the year %(year)s is more than %(limit)s years ahead; check the year (พ.ศ.)."),
                code="too_far",
                params={"field": _label(self), "year": be_year(value), "limit": DATE_YEARS_AHEAD},
            )


class BuddhistEraDateTimeField(forms.DateTimeField):
    widget = BuddhistEraDateTimeInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value if timezone.is_aware(value) else timezone.make_aware(value)
        if isinstance(value, dt.date):
            return timezone.make_aware(dt.datetime.combine(value, dt.time()))
        text = from_thai_digits(str(value)).strip()
        match = _TIME.fullmatch(text)
        if not match:
            raise ValidationError(
                _("%(field)s: write the date and time as day/month/year hour:minute, e.g. 03/12/2569 14:30."),
                code="invalid",
                params={"field": _label(self)},
            )
        day = parse_be_date(match["date"], _label(self))
        hour, minute = int(match["hour"]), int(match["minute"])
        if hour > 23 or minute > 59:
            raise ValidationError(
                _("%(field)s: there is no such time (%(time)s)."),
                code="invalid",
                params={"field": _label(self), "time": f"{hour}:{minute:02d}"},
            )
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        # Only ahead: a page's go-live of years ago stays on it after publishing, and must not block a save.
        year = be_year(timezone.localtime(value))
        if year > be_year(timezone.localdate()) + DATETIME_YEARS_AHEAD:
            raise ValidationError(
                _("%(field)s: the year %(year)s is more than %(limit)s years ahead; check the year (พ.ศ.)."),
                code="too_far",
                params={"field": _label(self), "year": year, "limit": DATETIME_YEARS_AHEAD},
            )


class ThaiPublishingPanel(PublishingPanel):
    """Wagtail's schedule panel (go-live, expiry) with the Buddhist-Era inputs; same dialog and behaviour."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.children = [
            FieldPanel(child.field_name, widget=BuddhistEraDateTimeInput(attrs=dict(child.widget.attrs)))
            if isinstance(child, FieldPanel)
            else child
            for child in self.children
        ]


# --- StreamField blocks --------------------------------------------------------------------------------


def _block_date_field(block):
    """``DateBlock.field``: our field and input, labelled with the block's label for the messages."""
    options = {key: value for key, value in block.field_options.items() if key != "input_formats"}
    return BuddhistEraDateField(label=block.label, widget=BuddhistEraDateInput(), **options)


def _block_datetime_field(block):
    """``DateTimeBlock.field``: our field and input, labelled with the block's label for the messages."""
    return BuddhistEraDateTimeField(label=block.label, widget=BuddhistEraDateTimeInput(), **block.field_options)


def _replace_block_field(block_class, make_field):
    field = cached_property(make_field)
    field.__set_name__(block_class, "field")
    block_class.field = field


# --- Listing and report filters ----------------------------------------------------------------------


class BuddhistEraDateRangeWidget(DateRangePickerWidget):
    """Wagtail's from/to filter inputs (same template and ``_from``/``_to`` names) in the Buddhist Era."""

    def __init__(self, attrs=None):
        widgets = (
            BuddhistEraDateInput(attrs={"placeholder": _("from dd/mm/yyyy (B.E.)")}),
            BuddhistEraDateInput(attrs={"placeholder": _("to dd/mm/yyyy (B.E.)")}),
        )
        SuffixedMultiWidget.__init__(self, widgets, attrs)


class BuddhistEraDateRangeField(DateRangeField):
    """``DateFromToRangeFilter``'s field: both ends read as พ.ศ.; a ค.ศ. year is refused naming the filter."""

    widget = BuddhistEraDateRangeWidget

    def __init__(self, *args, **kwargs):
        label = kwargs.get("label") or _("Date")
        fields = (
            BuddhistEraDateField(label=format_lazy("{} ({})", label, _("range start"))),
            BuddhistEraDateField(label=format_lazy("{} ({})", label, _("range end"))),
        )
        widget = kwargs.get("widget")
        if widget is None or widget is DateRangePickerWidget or type(widget) is DateRangePickerWidget:
            kwargs["widget"] = BuddhistEraDateRangeWidget  # Wagtail's filters name its ค.ศ. picker explicitly
        RangeField.__init__(self, fields, *args, **kwargs)


class BuddhistEraFilterDateField(BuddhistEraDateField):
    """``DateFilter``'s field: Wagtail's filter sets ask for its ค.ศ. picker; ours is used instead."""

    def __init__(self, *args, **kwargs):
        kwargs["widget"] = BuddhistEraDateInput
        super().__init__(*args, **kwargs)


class BuddhistEraFilterDateTimeField(BuddhistEraDateTimeField):
    """``DateTimeFilter``'s field (Aging pages: "last published before"): Wagtail gives it a date-only input,
    so a พ.ศ. date alone means its midnight, as Wagtail's own reading of a bare date does."""

    def __init__(self, *args, **kwargs):
        kwargs["widget"] = BuddhistEraDateInput
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and value.strip() and not _TIME.fullmatch(from_thai_digits(value).strip()):
            day = parse_be_date(value, _label(self))
            return timezone.make_aware(dt.datetime.combine(day, dt.time()))
        return super().to_python(value)


class BuddhistEraDateFilterAdapter(BaseFilterAdapter):
    """The active-filter chip of a single-date filter: "3 ธันวาคม 2569", not ``2026-12-03 00:00:00+07:00``."""

    def get_active_filters(self):
        for active in super().get_active_filters():
            yield active._replace(value=thai_date(self.value))


class BuddhistEraDateRangeAdapter(DateFromToRangeFilterAdapter):
    """The active-filter chip above a listing: "ตั้งแต่ 1 ต.ค. 2568 - 30 ก.ย. 2569", not the ค.ศ. year."""

    def format_value(self, value):
        return thai_date(value) if value is not None else self.empty_value_label


def register():
    """Called once from ``HomeConfig.ready``: every Wagtail admin model form, every page's schedule, every
    StreamField date block, and every date filter of the admin's listings and reports."""
    register_form_field_override(
        models.DateField, override={"form_class": BuddhistEraDateField, "widget": BuddhistEraDateInput}
    )
    register_form_field_override(
        models.DateTimeField, override={"form_class": BuddhistEraDateTimeField, "widget": BuddhistEraDateTimeInput}
    )
    Page.settings_panels = [
        PanelPlaceholder(f"{__name__}.ThaiPublishingPanel", [], {})
        if getattr(panel, "path", None) == "wagtail.admin.panels.PublishingPanel"
        else panel
        for panel in Page.settings_panels
    ]
    _replace_block_field(blocks.DateBlock, _block_date_field)
    _replace_block_field(blocks.DateTimeBlock, _block_datetime_field)
    django_filters.DateFromToRangeFilter.field_class = BuddhistEraDateRangeField
    django_filters.DateFilter.field_class = BuddhistEraFilterDateField
    django_filters.DateTimeFilter.field_class = BuddhistEraFilterDateTimeField
    register_filter_adapter_class(django_filters.DateFromToRangeFilter, BuddhistEraDateRangeAdapter)
    register_filter_adapter_class(django_filters.DateFilter, BuddhistEraDateFilterAdapter)
    register_filter_adapter_class(django_filters.DateTimeFilter, BuddhistEraDateFilterAdapter)
