"""The project's own image and document models: alt text required; type and size shown with every file."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.search import index


class HospitalImage(AbstractImage):
    """An image whose alternative text (``description``) is required, for WCAG 2.1 AA."""

    description = models.CharField(
        max_length=255,
        verbose_name=_("alternative text"),
        help_text=_("Describe what the image shows for people who cannot see it (required)"),
    )
    admin_form_fields = ("title", "file", "description", "collection", "tags", "focal_point_x",
                         "focal_point_y", "focal_point_width", "focal_point_height")  # fmt: skip

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class HospitalRendition(AbstractRendition):
    image = models.ForeignKey(HospitalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
        verbose_name = _("image rendition")
        verbose_name_plural = _("image renditions")


def human_size(num_bytes):
    """ "1.2 MB", "340 KB" — decimal units, as file managers in Thai offices show them."""
    if num_bytes is None:
        return ""
    size = float(num_bytes)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit in ("B", "KB") else f"{size:.1f} {unit}"
        size /= 1000
    return ""


def _validate_document_file(file):
    # Imported here: file_checks imports human_size from this module.
    from home.file_checks import validate_document_file

    validate_document_file(file)


class HospitalDocument(AbstractDocument):
    """A published file; its type and size are derived by the system and shown beside every link.

    Owner and data period are the R2.1 facts of the file itself (a page may attach files of other
    owners). The file is checked by its content on upload (``home.file_checks``).
    """

    file = models.FileField(upload_to="documents", verbose_name=_("file"), validators=[_validate_document_file])
    description = models.TextField(
        blank=True, verbose_name=_("description"), help_text=_("What the file contains, in one or two sentences")
    )
    owner_unit = models.ForeignKey(
        "home.Department", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("owner unit"), help_text=_("The group or unit that owns this file"),
    )  # fmt: skip
    period_start = models.DateField(_("data period from"), null=True, blank=True)
    period_end = models.DateField(_("data period to"), null=True, blank=True)
    admin_form_fields = (
        "title",
        "file",
        "description",
        "owner_unit",
        "period_start",
        "period_end",
        "collection",
        "tags",
    )

    search_fields = AbstractDocument.search_fields + [index.SearchField("description")]

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            from django.core.exceptions import ValidationError

            raise ValidationError({"period_end": _("The end of the data period cannot be before its start.")})

    @property
    def file_type_label(self):
        return (self.file_extension or "").upper()

    @property
    def file_size_label(self):
        if self.file_size is None and self.file:
            try:
                self.file_size = self.file.size
            except OSError:
                return ""
        return human_size(self.file_size)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]
