"""Check uploaded files by their content, not only by their name, and refuse the dangerous ones.

A file is accepted only when its bytes are what its extension claims: a PDF starts with ``%PDF-``;
DOCX/XLSX/PPTX are ZIP packages with the matching Office parts; ODT/ODS are ZIP packages whose
``mimetype`` member names the OpenDocument type; images are opened and verified by Pillow. So an
HTML page renamed ``.pdf`` is refused with a Thai message shown by the field.

Files of the right kind are refused still when they are dangerous: Office files with macros
(``vbaProject.bin``, a macro-enabled content type, a ``.docm``/``.xlsm``... name, OpenDocument Basic
scripts), archives that would swamp the server when unpacked (a member above
``UPLOAD_ARCHIVE_MAX_MEMBER_SIZE``, or unpacking to more than ``UPLOAD_ARCHIVE_MAX_RATIO`` times the
upload) or hold too many entries (``UPLOAD_ZIP_MAX_ENTRIES``, ``UPLOAD_OFFICE_MAX_ENTRIES``) — judged
from the archive's directory, never by unpacking — and, when ClamAV is configured
(``home.virus_scan``), files the scanner finds infected or cannot scan.

``content_matches`` is the one call every upload goes through (the document model's validator, the
image form, the complaint attachment): it returns False for a file of the wrong kind and raises
``ValidationError`` with the reason for a dangerous one.
"""

import posixpath
import zipfile
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home import virus_scan
from home.models.media import human_size

OFFICE_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPENDOCUMENT_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
ZIP_KINDS = {*OFFICE_PARTS, *OPENDOCUMENT_TYPES, "zip"}
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
# Office formats that carry macros (Word, Excel, PowerPoint, their templates and add-ins; XLSB may too).
MACRO_EXTENSIONS = {"docm", "dotm", "xlsm", "xltm", "xlam", "xlsb", "pptm", "potm", "ppsm", "ppam", "sldm"}
# Where a macro-enabled OOXML file names itself, e.g. application/vnd.ms-word.document.macroEnabled.main+xml.
MACRO_CONTENT_TYPE = b"macroenabled"
# OpenDocument keeps Basic macros and other scripts in these folders of the package.
OPENDOCUMENT_SCRIPT_FOLDERS = ("Basic/", "Scripts/")
# A damaged, encrypted or exotic ZIP is simply not of the kind its name claims (never a server error).
UNREADABLE_ZIP = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    OSError,
    KeyError,
    ValueError,
    EOFError,
    NotImplementedError,
    RuntimeError,
)
# Small members read to tell the kind: read only when their declared size is below this.
MANIFEST_MAX_BYTES = 1_000_000

MACROS_MESSAGE = _(
    "This file contains macros (program code that runs when the file is opened), which could harm the "
    "computers of people who open it. Save it again as a file without macros (e.g. .docx, .xlsx or .pptx) "
    "and upload that."
)


def _read_head(file, size=8):
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return head


def _upload_size(file):
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
    return size


def check_archive(extension, archive, packed_size):
    """Refuse a ZIP package (ZIP, Office, OpenDocument) that is a zip bomb, too crowded or has macros.

    Reads the sizes the archive's central directory declares; Python's zipfile never unpacks more than
    a member declares, so what is checked here bounds what any later reader (e.g. search) unpacks.
    """
    entries = archive.infolist()
    office = extension != "zip"
    limit = settings.UPLOAD_OFFICE_MAX_ENTRIES if office else settings.UPLOAD_ZIP_MAX_ENTRIES
    if len(entries) > limit:
        raise ValidationError(
            _("This file holds %(count)s files inside; the limit is %(limit)s. Split it into smaller archives."),
            code="file_entries",
            params={"count": f"{len(entries):,}", "limit": f"{limit:,}"},
        )
    biggest = max((entry.file_size for entry in entries), default=0)
    if biggest > settings.UPLOAD_ARCHIVE_MAX_MEMBER_SIZE:
        raise ValidationError(
            _(
                "A file inside this archive is %(size)s when unpacked; the limit is %(limit)s. Archives built "
                "to swamp a server (zip bombs) look like this, so the file was not accepted."
            ),
            code="file_zip_bomb",
            params={"size": human_size(biggest), "limit": human_size(settings.UPLOAD_ARCHIVE_MAX_MEMBER_SIZE)},
        )
    unpacked = sum(entry.file_size for entry in entries)
    ratio = unpacked / max(packed_size, 1)
    if unpacked > settings.UPLOAD_ARCHIVE_RATIO_MIN_SIZE and ratio > settings.UPLOAD_ARCHIVE_MAX_RATIO:
        raise ValidationError(
            _(
                "This file unpacks to %(ratio)s times its own size (%(size)s); the limit is %(limit)s times. "
                "Archives built to swamp a server (zip bombs) look like this, so the file was not accepted."
            ),
            code="file_zip_bomb",
            params={"ratio": f"{ratio:,.0f}", "size": human_size(unpacked), "limit": settings.UPLOAD_ARCHIVE_MAX_RATIO},
        )
    for entry in entries:
        base = posixpath.basename(entry.filename).lower()
        if (
            base == "vbaproject.bin"
            or ("." in base and base.rsplit(".", 1)[-1] in MACRO_EXTENSIONS)
            or (extension in OPENDOCUMENT_TYPES and entry.filename.startswith(OPENDOCUMENT_SCRIPT_FOLDERS))
        ):
            raise ValidationError(MACROS_MESSAGE, code="file_macros")
    if extension in OFFICE_PARTS:
        manifest = next((e for e in entries if e.filename == "[Content_Types].xml"), None)
        if manifest and manifest.file_size <= MANIFEST_MAX_BYTES:
            if MACRO_CONTENT_TYPE in archive.read(manifest).lower():
                raise ValidationError(MACROS_MESSAGE, code="file_macros")


def _zip_content_matches(extension, file):
    """The ZIP-based kinds: False when not a readable ZIP of that kind; raises when dangerous."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            check_archive(extension, archive, _upload_size(file))
            names = archive.namelist()
            if extension in OFFICE_PARTS:
                return "[Content_Types].xml" in names and any(n.startswith(OFFICE_PARTS[extension]) for n in names)
            if extension in OPENDOCUMENT_TYPES:
                info = archive.getinfo("mimetype") if "mimetype" in names else None
                if info is None or info.file_size > MANIFEST_MAX_BYTES:
                    return False
                return archive.read(info).decode("ascii", "replace").strip() == OPENDOCUMENT_TYPES[extension]
            return True
    except UNREADABLE_ZIP:
        return False
    finally:
        file.seek(0)


def _image_matches(extension, file):
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


def check_for_viruses(file):
    """Refuse the file when ClamAV is configured and finds malware in it, or cannot scan it now."""
    try:
        signature = virus_scan.scan(file)
    except virus_scan.ScannerUnavailable:
        raise ValidationError(
            _(
                "The virus scan cannot be done right now, so the file was not accepted. Try again in a few "
                "minutes; if it keeps happening, tell the webmaster."
            ),
            code="file_scan_unavailable",
        )
    if signature:
        raise ValidationError(
            _("The virus scan found malicious software in this file (%(signature)s), so it was not accepted."),
            code="file_virus",
            params={"signature": signature},
        )


def content_matches(extension, file):
    """True if the file's bytes are of the kind its extension names, False if not.

    A file of the right kind that is dangerous (macros, zip bomb, too many entries, a virus) raises
    ``ValidationError`` with the reason, so every form that calls this shows it by the field.
    """
    head = _read_head(file, 8)
    if extension == "pdf":
        matches = head.startswith(b"%PDF-")
    elif extension in ZIP_KINDS:
        matches = head.startswith(b"PK\x03\x04") and _zip_content_matches(extension, file)
    elif extension in IMAGE_FORMATS:
        matches = _image_matches(extension, file)
    else:
        matches = False
    if matches:
        check_for_viruses(file)
    return matches


def validate_document_file(file):
    """Field validator for documents: allowed type, checked by content, within the size limit, safe."""
    if getattr(file, "_committed", False):
        return  # the stored file, checked when it was uploaded: editing a title does not scan it again
    name = getattr(file, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension in MACRO_EXTENSIONS:
        raise ValidationError(MACROS_MESSAGE, code="file_macros")
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
