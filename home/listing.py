"""Listings for index pages: newest first, paginated, filterable by fiscal year (พ.ศ.), quarter,
month and category, in a constant number of SQL queries whatever the number of items.

An index page mixes in ``ListingMixin`` and names ``listing_model`` (the concrete page type it
lists). Items with ``FiscalPeriodFields`` filter on their fiscal year, quarter and month; items
with ``DataPeriodFields`` filter on the fiscal year of their period start; a ``category`` field
with choices adds a category filter. Attached documents of the items on the page are fetched in
one query (``prefetch_documents``), so a list can show every file's type and size.

Volume does not change the work: the fiscal-year choices are one ``SELECT DISTINCT`` computed by the
database, and pages stop at ``max_pages`` (a deeper page shows the last one allowed, with a Thai note
to narrow the list by fiscal year), so no request scans thousands of rows to skip them.
"""

from functools import cached_property

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model

from home import thai_dates
from home.search.fields import ThaiSearchMixin


def _field_names(model):
    return {f.name for f in model._meta.get_fields()}


def fiscal_year_expression(field):
    """SQL for the fiscal year (พ.ศ.) of a date or datetime column: October onwards is the next year.

    Datetimes are taken in the site's time zone (Asia/Bangkok), as ``thai_dates.fiscal_year`` does.
    """
    return (
        ExtractYear(field)
        + Value(thai_dates.BE_OFFSET)
        + Case(When(**{f"{field}__month__gte": 10}, then=Value(1)), default=Value(0), output_field=IntegerField())
    )


class BoundedPaginator(Paginator):
    """A paginator that never goes past page ``max_pages``: no deep ``OFFSET`` scans, whatever the volume."""

    def __init__(self, *args, max_pages, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_pages = max_pages

    @cached_property
    def all_pages(self):
        return super().num_pages

    @cached_property
    def num_pages(self):
        return min(self.all_pages, self.max_pages)

    @property
    def truncated(self):
        """True when there are more items than ``max_pages`` pages show."""
        return self.all_pages > self.max_pages


def prefetch_documents(items, stream_name="attachments"):
    """Set ``item.listing_documents`` on each item with one query for all their documents."""
    ids = set()
    raw = {}
    for item in items:
        values = [b.get("value", {}) for b in getattr(item, stream_name).raw_data if b.get("type") == "document"]
        raw[item.pk] = values
        ids.update(v.get("document") for v in values if v.get("document"))
    documents = get_document_model().objects.in_bulk(ids) if ids else {}
    for item in items:
        item.listing_documents = [
            {"document": documents[v["document"]], "title": v.get("title") or documents[v["document"]].title}
            for v in raw[item.pk]
            if v.get("document") in documents
        ]
    return items


class ListingMixin(ThaiSearchMixin):
    """Mix into an index page: ``get_context`` gives ``items`` (a paginator page) and ``filters``.

    Index pages are found by the site search in Thai words too (``ThaiSearchMixin``).
    """

    listing_model = None
    per_page = 20
    # Deepest page of a listing (1,000 items at 20 a page); older items are reached by fiscal year.
    max_pages = 50

    def listing_base(self):
        model = self.listing_model
        qs = model.objects.child_of(self).live().public()
        if "owner_unit" in _field_names(model):
            qs = qs.select_related("owner_unit")
        return qs

    def listing_ordering(self):
        """Newest first; empty values last on every database (PostgreSQL sorts NULLs first otherwise)."""
        names = _field_names(self.listing_model)
        if "fiscal_year" in names:
            fields = ["fiscal_year", "fiscal_quarter", "fiscal_month", "first_published_at"]
        elif "period_start" in names:
            fields = ["period_start", "first_published_at"]
        else:
            fields = ["first_published_at"]
        return [F(name).desc(nulls_last=True) for name in fields] + ["-pk"]

    def fiscal_year_choices(self, qs):
        names = _field_names(self.listing_model)
        if "fiscal_year" in names:
            years = qs.order_by().values_list("fiscal_year", flat=True).distinct()
            return sorted({y for y in years if y}, reverse=True)
        field = "period_start" if "period_start" in names else "first_published_at"
        years = (
            qs.order_by()
            .filter(**{f"{field}__isnull": False})
            .annotate(listing_fy=fiscal_year_expression(field))
            .values_list("listing_fy", flat=True)
            .distinct()
        )
        return sorted(set(years), reverse=True)

    def category_choices(self):
        field = next((f for f in self.listing_model._meta.get_fields() if f.name == "category"), None)
        return list(field.choices) if field is not None and field.choices else []

    @staticmethod
    def _int(value, low, high):
        try:
            number = int(value)
        except (TypeError, ValueError):
            return None
        return number if low <= number <= high else None

    def apply_filters(self, qs, params):
        """Filter by the GET parameters ``fy``, ``q``, ``m`` and ``category``; ignore nonsense values."""
        names = _field_names(self.listing_model)
        active = {}
        fy = self._int(params.get("fy"), 2400, 2800)
        if fy:
            active["fy"] = fy
            if "fiscal_year" in names:
                qs = qs.filter(fiscal_year=fy)
            else:
                start, end = thai_dates.fiscal_year_range(fy)
                field = "period_start" if "period_start" in names else "first_published_at__date"
                qs = qs.filter(Q(**{f"{field}__gte": start}) & Q(**{f"{field}__lte": end}))
        quarter = self._int(params.get("q"), 1, 4)
        if quarter:
            active["q"] = quarter
            if "fiscal_quarter" in names:
                months = [
                    m for m in range(1, 13) if thai_dates.fiscal_quarter(thai_dates.dt.date(2000, m, 1)) == quarter
                ]
                qs = qs.filter(Q(fiscal_quarter=quarter) | Q(fiscal_month__in=months))
            elif fy:
                start, end = thai_dates.fiscal_quarter_range(fy, quarter)
                field = "period_start" if "period_start" in names else "first_published_at__date"
                qs = qs.filter(Q(**{f"{field}__gte": start}) & Q(**{f"{field}__lte": end}))
        month = self._int(params.get("m"), 1, 12)
        if month and "fiscal_month" in names:
            active["m"] = month
            qs = qs.filter(fiscal_month=month)
        categories = dict(self.category_choices())
        category = params.get("category")
        if category in categories:
            active["category"] = category
            qs = qs.filter(category=category)
        return qs, active

    def get_listing(self, request):
        base = self.listing_base()
        qs, active = self.apply_filters(base, request.GET)
        paginator = BoundedPaginator(qs.order_by(*self.listing_ordering()), self.per_page, max_pages=self.max_pages)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            # Past the end, or past the deepest page allowed: the last page shown (a note says why).
            page = paginator.page(paginator.num_pages)
        items = list(page.object_list)
        if hasattr(self.listing_model, "attachments"):
            prefetch_documents(items)
        page.object_list = items
        names = _field_names(self.listing_model)
        filters = {
            "active": active,
            "fiscal_years": self.fiscal_year_choices(base),
            "quarters": [(q, thai_dates.fiscal_quarter_label(q)) for q in (1, 2, 3, 4)],
            "months": [(m, thai_dates.thai_month(m)) for m in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)]
            if "fiscal_month" in names
            else [],
            "categories": self.category_choices(),
            "query_without_page": "&".join(f"{k}={v}" for k, v in active.items()),
            "truncated": paginator.truncated,
            "max_pages": paginator.max_pages,
        }
        return page, filters

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"], context["filters"] = self.get_listing(request)
        return context


FILTER_LABELS = {"fy": _("Fiscal year"), "q": _("Quarter"), "m": _("Month"), "category": _("Category")}
