"""The project's own image and document models: alt text required; type and size shown with every file."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.search import index

from home.search.extract import extract_text
from home.search.fields import ThaiSearchMixin


class HospitalImage(ThaiSearchMixin, AbstractImage):
    """An image whose alternative text (``description``) is required, for WCAG 2.1 AA.

    Its title is indexed as Thai words, so the admin's image search finds a word inside a title.
    """

    description = models.CharField(
        max_length=255,
        verbose_name=_("alternative text"),
        help_text=_("Describe what the image shows for people who cannot see it (required)"),
    )
    admin_form_fields = (
        "title",
        "file",
        "description",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The name as loaded (read from __dict__: touching a deferred ``file`` would query the database).
        loaded = self.__dict__.get("file") if self.pk else None
        self._stored_file_name = getattr(loaded, "name", loaded)

    def save(self, *args, **kwargs):
        # Every new original loses its EXIF/XMP (GPS, device) before it is kept; renditions are made from
        # it, so they carry none either. Saves of other fields (``update_fields``) leave the file alone.
        if kwargs.get("update_fields") is None and self.file and self._file_is_new():
            self._strip_metadata()
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name

    def _file_is_new(self):
        return not getattr(self.file, "_committed", True) or self.file.name != self._stored_file_name

    def _strip_metadata(self):
        from home.image_metadata import replace_without_metadata

        size = replace_without_metadata(self)
        if size:
            self.width, self.height = size
            self._set_image_file_metadata()  # size and hash of what is kept

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


# Documents that are pictures: their EXIF is removed on upload, as for images.
PICTURE_EXTENSIONS = {"jpg", "jpeg", "png", "webp"}


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


class HospitalDocument(ThaiSearchMixin, AbstractDocument):
    """A published file; its type and size are derived by the system and shown beside every link.

    Owner and data period are the R2.1 facts of the file itself (a page may attach files of other
    owners). The file is checked by its content on upload (``home.file_checks``). The text of a PDF
    or DOCX is read when its file is saved (``home.search.extract``) so the site search finds it.
    """

    file = models.FileField(upload_to="documents", verbose_name=_("file"), validators=[_validate_document_file])
    description = models.TextField(
        blank=True, verbose_name=_("description"), help_text=_("What the file contains, in one or two sentences")
    )
    owner_unit = models.ForeignKey(
        "home.Department",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner unit"),
        help_text=_("The group or unit that owns this file"),
    )
    period_start = models.DateField(_("data period from"), null=True, blank=True)
    period_end = models.DateField(_("data period to"), null=True, blank=True)
    search_text = models.TextField(_("text of the file (for search)"), blank=True, editable=False)
    search_text_source = models.CharField(max_length=255, blank=True, editable=False)
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

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description"),
        index.SearchField("file_text"),
    ]

    def save(self, *args, **kwargs):
        # Read the text of a new or replaced file; ``update_fields`` saves (e.g. file size) keep it.
        reread = kwargs.get("update_fields") is None and self.file and self._text_is_stale()
        if reread and (self.file_extension or "").lower() in PICTURE_EXTENSIONS:
            self._strip_metadata()
        if reread:
            self.search_text = extract_text(self.file, self.file_extension)
            self._text_fresh = True  # the indexing that follows the save must not read it again
        super().save(*args, **kwargs)
        if reread and self.search_text_source != self.file.name:
            # The stored name is final only now (the storage may have renamed the upload).
            self.search_text_source = self.file.name
            type(self).objects.filter(pk=self.pk).update(search_text_source=self.search_text_source)

    def _strip_metadata(self):
        # A photo published as a document loses its EXIF (GPS, camera) too, as images do.
        from home.image_metadata import replace_without_metadata

        if replace_without_metadata(self):
            self._set_document_file_metadata()

    def _text_is_stale(self):
        return not getattr(self.file, "_committed", True) or self.search_text_source != self.file.name

    def file_text(self):
        """The file's text for the index; read now if the file never was (documents uploaded before)."""
        if self.pk and self.file and self._text_is_stale() and not getattr(self, "_text_fresh", False):
            self.search_text = extract_text(self.file, self.file_extension)
            self.search_text_source = self.file.name
            type(self).objects.filter(pk=self.pk).update(
                search_text=self.search_text, search_text_source=self.search_text_source
            )
        return self.search_text

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
