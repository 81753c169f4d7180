"""Pieces every disclosure page type shares: the listing base page and extra validation hooks."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.listing import ListingMixin


def add_error(errors, field, message):
    """Collect a Thai error message on ``field`` in an errors dict of lists."""
    errors.setdefault(field, []).append(message)


class TypeChecksMixin:
    """Run the type's own checks (``check_type``) after the R2.1 facts, and report all errors at once.

    ``home.models.FactsMixin.clean`` raises on the first group of errors; a page type with its own
    rules (a required image for an infographic, amounts of a budget report) adds them here so the
    editor sees every problem of the form in one go, each on its own field.
    """

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        self.check_type(errors)
        if errors:
            raise ValidationError(errors)

    def check_type(self, errors):
        """Add ``{field: [message]}`` for each rule of the page type that the values break."""


class MessagesFormMixin:
    """Use a model field's ``error_messages["required"]`` as the form's message for a missing value.

    Django's model form says only "This field is required."; where the law names what is missing
    (MOIT 2.1.1: photo, full name, position and telephone of every executive) the message says so.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            try:
                model_field = self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:  # form-only fields (ORDER, DELETE) have no model field
                continue
            message = getattr(model_field, "error_messages", {}).get("required")
            if message:
                field.error_messages["required"] = message


class MessagesInlinePanel(InlinePanel):
    """An InlinePanel whose child forms use the model's own "required" messages (MessagesFormMixin)."""

    def get_form_options(self):
        from wagtail.admin.forms import WagtailAdminModelForm

        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        base = formset.get("form", WagtailAdminModelForm)
        formset["form"] = type(base)(f"{base.__name__}WithMessages", (MessagesFormMixin, base), {})
        return options


class DisclosureIndexPage(ListingMixin, Page):
    """Abstract listing of one category: its own text, then the items newest first with filters."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.StandardPage"]
    max_count = 1

    class Meta:
        abstract = True
