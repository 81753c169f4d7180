"""StreamField blocks shared by every page type. Names are short nouns, chosen once (stored in JSON)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

TABLE_OPTIONS = {
    "minSpareRows": 0,
    "startRows": 3,
    "startCols": 3,
    "colHeaders": False,
    "rowHeaders": False,
    "contextMenu": [
        "row_above",
        "row_below",
        "---------",
        "col_left",
        "col_right",
        "---------",
        "remove_row",
        "remove_col",
        "---------",
        "undo",
        "redo",
    ],
    "editor": "text",
    "stretchH": "all",
    "language": "th-TH",
    "renderer": "text",
    "autoColumnSize": False,
}


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 keeps the page outline correct for screen readers."""

    text = blocks.CharBlock(label=_("Heading text"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading level 2")), ("h3", _("Heading level 3"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        description = _("A heading that divides the page into sections")
        preview_value = {"text": "ประวัติความเป็นมา", "level": "h2"}


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document with its file type and size shown beside it (R2.1)."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Leave blank to use the document's title")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"
        label = _("Document")
        description = _("A downloadable file, shown with its type and size")


class BodyBlock(blocks.StreamBlock):
    """The ``body`` of standard pages: headings, text, images, documents, tables and embeds."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "ol", "ul", "link", "document-link", "hr"],
        label=_("Paragraph"),
        icon="pilcrow",
        template="blocks/paragraph.html",
        description=_("Text with bold, italic, lists and links"),
        preview_value="<p>โรงพยาบาลฮอดให้บริการประชาชนในอำเภอฮอดและอำเภอใกล้เคียง</p>",
    )
    image = ImageBlock(
        label=_("Image"),
        template="blocks/image.html",
        description=_("An image with its alternative text (required unless decorative)"),
    )
    document = DocumentLinkBlock()
    table = TableBlock(
        table_options=TABLE_OPTIONS,
        label=_("Table"),
        template="blocks/table.html",
        description=_("A table; mark the first row as the header"),
    )
    embed = EmbedBlock(
        label=_("Embedded media"),
        icon="media",
        template="blocks/embed.html",
        description=_("A video or other media from a URL (e.g. YouTube)"),
        max_width=960,
    )


class QuickLinkValue(blocks.StructValue):
    """Logic out of the template: where the link goes."""

    def url(self):
        page = self.get("page")
        return page.url if page else self.get("url")


class QuickLinkBlock(blocks.StructBlock):
    """A service link on the home page: a page of the site or an outside address."""

    title = blocks.CharBlock(label=_("Title"), max_length=80)
    description = blocks.CharBlock(label=_("Short description"), max_length=160, required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an outside address"), required=False)
    icon = blocks.ChoiceBlock(
        label=_("Icon"),
        default="info",
        choices=[
            ("calendar", _("Appointment")),
            ("complaint", _("Complaint")),
            ("document", _("Documents")),
            ("procurement", _("Procurement")),
            ("info", _("Information")),
            ("phone", _("Contact")),
            ("heart", _("Health")),
            ("chart", _("Statistics")),
        ],
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an outside address."))}
            )
        return value

    class Meta:
        icon = "link"
        template = "components/quick_link.html"
        label = _("Quick link")
        value_class = QuickLinkValue


class QuickLinksBlock(blocks.StreamBlock):
    link = QuickLinkBlock()


class AttachmentsBlock(blocks.StreamBlock):
    """The files of an item, each shown with its type and size (R2.1)."""

    document = DocumentLinkBlock()

    class Meta:
        label = _("Attached files")
