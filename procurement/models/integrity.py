"""Preventing conflicts of interest in procurement (MOIT 4.3): the MOPH 2560 announcement and the
integrity statements of the head of procurement, procurement staff and inspectors."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from home.models import FiscalPeriodFields, ItemPage

from .common import CollectErrorsMixin, DocumentFieldsMixin, ProcurementListingPage, document_field


class IntegrityStatementPage(CollectErrorsMixin, DocumentFieldsMixin, FiscalPeriodFields, ItemPage):
    """A statement of integrity (แบบแสดงความบริสุทธิ์ใจ) for one fiscal year — one form for purchases up
    to 100,000 baht and one for larger ones — or the MOPH announcement of 2560 that requires them."""

    class Category(models.TextChoices):
        ANNOUNCEMENT = "announcement", _("MOPH announcement on vetting procurement staff (2560)")
        UP_TO_100K = "up_to_100k", _("Integrity statement: purchases up to 100,000 baht")
        OVER_100K = "over_100k", _("Integrity statement: purchases over 100,000 baht")

    category = models.CharField(_("kind"), max_length=20, choices=Category.choices)
    document = document_field(_("signed document (file)"), help_text=_("The signed statement or the announcement"))
    declarants = models.TextField(
        _("people who signed"),
        blank=True,
        help_text=_(
            "One per line: name and role (head of procurement, procurement officer, inspector). Required for statements"
        ),
    )

    document_fields = ["document"]
    extra_panels = [FieldPanel("category"), FieldPanel("document"), FieldPanel("declarants")]

    parent_page_types = ["procurement.IntegrityStatementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("integrity statement")
        verbose_name_plural = _("integrity statements")

    def clean_item(self, errors):
        if self.category == self.Category.ANNOUNCEMENT:
            if not (self.source or "").strip():
                errors.setdefault(
                    "source", _("Enter the source of the announcement, e.g. the MOPH announcement of 12 October 2560.")
                )
        elif self.category and not (self.declarants or "").strip():
            errors.setdefault("declarants", _("List the people who signed the statement, one per line."))

    def declarant_lines(self):
        return [line.strip() for line in (self.declarants or "").splitlines() if line.strip()]


class IntegrityStatementIndexPage(ProcurementListingPage):
    """The list of integrity statements and the MOPH 2560 announcement, by fiscal year (MOIT 4.3)."""

    listing_model = IntegrityStatementPage
    subpage_types = ["procurement.IntegrityStatementPage"]
    moit_label = "MOIT 4.3"

    class Meta:
        verbose_name = _("integrity statement listing")
