"""Check uploaded files by their content, not only by their name.

A file is accepted only when its bytes are what its extension claims: a PDF starts with ``%PDF-``;
DOCX/XLSX/PPTX are ZIP packages with the matching Office parts; ODT/ODS are ZIP packages whose
``mimetype`` member names the OpenDocument type; images are opened and verified by Pillow. So an
HTML page renamed ``.pdf`` is refused with a Thai message naming the field.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.models.media import human_size

OFFICE_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPENDOCUMENT_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}
LABELS = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
    "pptx": "PowerPoint (PPTX)",
    "odt": "ODT",
    "ods": "ODS",
    "zip": "ZIP",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "gif": "GIF",
    "webp": "WebP",
}


def _read_head(file, size=8):
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return head


def _zip_names(file):
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
            return names, mimetype
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None, ""
    finally:
        file.seek(0)


def content_matches(extension, file):
    """True if the file's bytes are of the kind its extension names."""
    head = _read_head(file, 8)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in OFFICE_PARTS or extension in OPENDOCUMENT_TYPES or extension == "zip":
        if not head.startswith(b"PK\x03\x04"):
            return False
        names, mimetype = _zip_names(file)
        if names is None:
            return False
        if extension in OFFICE_PARTS:
            return "[Content_Types].xml" in names and any(n.startswith(OFFICE_PARTS[extension]) for n in names)
        if extension in OPENDOCUMENT_TYPES:
            return mimetype == OPENDOCUMENT_TYPES[extension]
        return True
    if extension in IMAGE_FORMATS:
        from PIL import Image, UnidentifiedImageError

        file.seek(0)
        try:
            with Image.open(file) as img:
                img.verify()
                return img.format == IMAGE_FORMATS[extension]
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            return False
        finally:
            file.seek(0)
    return False


def validate_document_file(file):
    """Field validator for documents: allowed type, checked by content, within the size limit."""
    name = getattr(file, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            _("Files of type “%(ext)s” cannot be published. Allowed types: %(allowed)s."),
            code="file_type",
            params={"ext": extension or "?", "allowed": ", ".join(sorted({LABELS.get(e, e.upper()) for e in allowed}))},
        )
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    size = getattr(file, "size", None)
    if limit and size is not None and size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s. Compress it or split it into smaller files."),
            code="file_size",
            params={"size": human_size(size), "limit": human_size(limit)},
        )
    if not content_matches(extension, file):
        raise ValidationError(
            _(
                "The content of this file is not a real %(type)s file, although its name ends in .%(ext)s. Save it again in the right format and upload it."
            ),
            code="file_content",
            params={"type": LABELS.get(extension, extension.upper()), "ext": extension},
        )
