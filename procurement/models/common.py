"""What the procurement page types share: methods of procurement, money fields, document fields,
the listing parent, and a ``clean`` that reports every problem of an item at once."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.listing import ListingMixin


class Method(models.TextChoices):
    """Procurement methods of the Public Procurement Act B.E. 2560, s.55 (general invitation has three forms)."""

    E_MARKET = "e_market", _("General invitation: electronic market (e-market)")
    E_BIDDING = "e_bidding", _("General invitation: electronic bidding (e-bidding)")
    PRICE_CHECK = "price_check", _("General invitation: price check")
    SELECTIVE = "selective", _("Selective method")
    SPECIFIC = "specific", _("Specific method")


# The short words the สขร.1 table uses in its narrow "method" column.
METHOD_SHORT = {
    Method.E_MARKET: _("e-market"),
    Method.E_BIDDING: _("e-bidding"),
    Method.PRICE_CHECK: _("Price check"),
    Method.SELECTIVE: _("Selective"),
    Method.SPECIFIC: _("Specific"),
}

NOT_NEGATIVE = MinValueValidator(Decimal("0"), message=_("The amount cannot be negative."))

EGP_NUMBER = RegexValidator(r"^\d{8,15}$", message=_("Enter the e-GP project number in digits only, e.g. 69019012345."))


def money_field(verbose_name, blank=False, help_text=""):
    """An amount in baht with satang: never negative."""
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=2,
        null=blank,
        blank=blank,
        validators=[NOT_NEGATIVE],
        help_text=help_text,
    )


def document_field(verbose_name, required=True, help_text=""):
    """A document chosen from the library. Required in the form; the database keeps the page if the file goes."""
    return models.ForeignKey(
        "home.HospitalDocument",
        null=True,
        blank=not required,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )


def baht(value):
    """ "1,234,567.50" — amounts as Thai government forms print them."""
    if value in (None, ""):
        return ""
    return f"{Decimal(value):,.2f}"


class CollectErrorsMixin:
    """Runs ``clean_item(errors)`` after the checks of ``ItemPage``, so an editor sees every problem at once."""

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        self.clean_item(errors)
        if errors:
            raise ValidationError(errors)

    def clean_item(self, errors):
        """Add ``{field: message}`` to ``errors``; subclasses override."""


class DocumentFieldsMixin:
    """Item pages whose main files are document fields (not only attachments): shown in lists and the facts box."""

    document_fields = []

    def main_documents(self):
        """(label, document) pairs of the filled document fields, in the order of ``document_fields``."""
        pairs = []
        for name in self.document_fields:
            document = getattr(self, name)
            if document is not None:
                pairs.append((self._meta.get_field(name).verbose_name, document))
        return pairs


class ProcurementListingPage(ListingMixin, Page):
    """Abstract parent of each procurement listing: an introduction, optional text, and the items newest first.

    When the listed type has document fields, their documents are fetched with the items (one query) and
    shown in the list beside the attachments, so the list costs the same number of queries at any length.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["procurement.ProcurementIndexPage"]
    max_count_per_parent = 1
    # Which ITA item (MOIT) the listing answers, shown on the procurement section page.
    moit_label = ""

    class Meta:
        abstract = True

    def listing_base(self):
        qs = super().listing_base()
        fields = getattr(self.listing_model, "document_fields", [])
        return qs.select_related(*fields) if fields else qs

    def get_listing(self, request):
        page, filters = super().get_listing(request)
        fields = getattr(self.listing_model, "document_fields", [])
        if fields:
            for item in page.object_list:
                main = [{"document": doc, "title": ""} for _label, doc in item.main_documents()]
                item.listing_documents = main + getattr(item, "listing_documents", [])
        return page, filters
