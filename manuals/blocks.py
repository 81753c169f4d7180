"""Structured parts of manuals and citizen guides: steps with durations, fees, documents to bring.

Steps are data, not prose, so the site can add their durations up and show them the same way on
every manual (R1.14) and guide (R1.15). Block names are short nouns, stored in JSON forever.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import AttachmentsBlock
from manuals import durations


class RequiredOnPublishMixin:
    """A StreamBlock that may stay empty in a draft, but not when the page is published or submitted.

    Wagtail 8 defers required checks while a draft is saved (``is_deferred_validation``); publishing
    and submitting for approval validate fully, and then an empty list is refused with ``empty_message``.
    """

    empty_message = ""

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation and len(value) == 0:
            raise StreamBlockValidationError(non_block_errors=[ValidationError(self.empty_message)])
        return value


class StepValue(blocks.StructValue):
    """Logic out of the template: a step's duration in working minutes and in Thai words."""

    def duration_minutes(self):
        return durations.to_minutes(self.get("duration"), self.get("duration_unit"))

    def duration_label(self):
        amount = self.get("duration")
        return durations.amount_label(amount, self.get("duration_unit")) if amount else ""


class StepBlock(blocks.StructBlock):
    """One step of a procedure: what happens, how long it takes, and who does it."""

    title = blocks.CharBlock(
        label=_("Step"), max_length=200, help_text=_("What happens, e.g. 'Check the request form'")
    )
    description = blocks.TextBlock(label=_("Details"), required=False, max_length=1000)
    duration = blocks.IntegerBlock(
        label=_("Time it takes"),
        min_value=1,
        max_value=9999,
        help_text=_("A whole number in the unit chosen beside it"),
    )
    duration_unit = blocks.ChoiceBlock(
        label=_("Unit"), choices=durations.DurationUnit.choices, default=durations.DurationUnit.MINUTES
    )
    responsible = blocks.CharBlock(
        label=_("Responsible unit or position"),
        max_length=200,
        help_text=_("Who does this step, e.g. 'Medical records unit' or 'Head of the nursing group'"),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        value_class = StepValue
        preview_value = {
            "title": "ยื่นคำขอและตรวจสอบเอกสาร",
            "description": "เจ้าหน้าที่ตรวจสอบคำขอและเอกสารหลักฐานให้ครบถ้วน",
            "duration": 15,
            "duration_unit": "minutes",
            "responsible": "งานเวชระเบียน",
        }
        description = _("A step with its time and the unit or position responsible for it")


class StepsBlock(RequiredOnPublishMixin, blocks.StreamBlock):
    """The ordered steps of a manual or a guide; at least one before publishing."""

    step = StepBlock()

    empty_message = _("Add at least one step with its time and responsible unit before publishing.")

    class Meta:
        label = _("Steps")


class ManualFilesBlock(RequiredOnPublishMixin, AttachmentsBlock):
    """The downloadable manual: MOIT 2.12–2.14 ask for the manual itself, so one file is required."""

    empty_message = _(
        "Attach the manual file (at least one document) before publishing: the manual must be downloadable."
    )

    class Meta:
        label = _("Manual files")


def amount_number(amount):
    """ "1,250", "35.50": thousands separated, satang only when there are some."""
    amount = Decimal(amount)
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"


def baht(amount):
    """ "1,250 บาท", "35.50 บาท"."""
    if amount is None:
        return ""
    return gettext("%(amount)s baht") % {"amount": amount_number(amount)}


def baht_range(low, high):
    """ "50–100 บาท", or one amount when both are the same."""
    if low == high:
        return baht(low)
    return gettext("%(low)s–%(high)s baht") % {"low": amount_number(low), "high": amount_number(high)}


class FeeValue(blocks.StructValue):
    def amount_label(self):
        return baht(self.get("amount"))


class FeeBlock(blocks.StructBlock):
    """One fee of a service: what it is for and its amount in baht."""

    item = blocks.CharBlock(label=_("Fee for"), max_length=200, help_text=_("e.g. 'Medical certificate, per copy'"))
    amount = blocks.DecimalBlock(label=_("Amount (baht)"), min_value=0, max_digits=10, decimal_places=2)
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=300)

    class Meta:
        icon = "tag"
        label = _("Fee")
        value_class = FeeValue


class FeesBlock(blocks.StreamBlock):
    fee = FeeBlock()

    class Meta:
        label = _("Fees")


class RequiredDocumentValue(blocks.StructValue):
    def quantity_label(self):
        parts = []
        if self.get("originals"):
            parts.append(gettext("original: %(count)s") % {"count": self["originals"]})
        if self.get("copies"):
            parts.append(gettext("copies: %(count)s") % {"count": self["copies"]})
        return " · ".join(parts)


class RequiredDocumentBlock(blocks.StructBlock):
    """A document the person must bring: how many originals and copies, and who issues it."""

    name = blocks.CharBlock(label=_("Document"), max_length=200, help_text=_("e.g. 'Thai national ID card'"))
    originals = blocks.IntegerBlock(label=_("Originals"), min_value=0, max_value=99, default=1)
    copies = blocks.IntegerBlock(label=_("Copies"), min_value=0, max_value=99, default=0)
    issuer = blocks.CharBlock(
        label=_("Issued by"),
        required=False,
        max_length=200,
        help_text=_("The agency that issues it, e.g. 'Department of Provincial Administration'"),
    )
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("originals") or 0) + (value.get("copies") or 0):
            raise StructBlockValidationError(
                block_errors={
                    "originals": ValidationError(_("Enter how many originals or copies to bring (at least one)."))
                }
            )
        return value

    class Meta:
        icon = "doc-full"
        label = _("Document to bring")
        value_class = RequiredDocumentValue


class RequiredDocumentsBlock(blocks.StreamBlock):
    document = RequiredDocumentBlock()

    class Meta:
        label = _("Documents to bring")
