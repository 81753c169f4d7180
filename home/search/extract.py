"""The text of uploaded PDF and DOCX files, for the search index.

Runs when a document is saved with a new file (``HospitalDocument.save``) and when the index is
rebuilt for a document that has none yet. It never raises: a damaged, encrypted or odd file gives
no text and the upload goes on. The work is bounded: at most ``MAX_PAGES`` PDF pages, at most
``MAX_XML_BYTES`` of a DOCX's uncompressed XML (a zip bomb stops there), at most ``MAX_CHARS`` kept.
"""

import html
import io
import logging
import re
import zipfile

logger = logging.getLogger(__name__)

MAX_CHARS = 50_000
MAX_PAGES = 100
MAX_XML_BYTES = 5 * 1024 * 1024
# Files larger than this are not read for text at all (the upload limit is 20 MB).
MAX_FILE_BYTES = 25 * 1024 * 1024

_DOCX_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|</w:p>|<w:tab/>|<w:br/>")


def pdf_text(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception:  # noqa: BLE001 — any failure means: no text from this file
            return ""
    parts, size = [], 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES or size >= MAX_CHARS:
            break
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
    return "\n".join(parts)


def docx_text(data):
    """The paragraphs of ``word/document.xml``, read by pattern (no XML parser, no entity expansion)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        with archive.open("word/document.xml") as member:
            xml = member.read(MAX_XML_BYTES).decode("utf-8", errors="replace")
    out = []
    for match in _DOCX_TEXT.finditer(xml):
        out.append(html.unescape(match.group(1)) if match.group(1) is not None else "\n")
    return "".join(out)


EXTRACTORS = {"pdf": pdf_text, "docx": docx_text}


def _clean(text):
    text = text.replace("\x00", " ")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"\n\s*\n+", "\n", text)
    return text.strip()[:MAX_CHARS]


def extract_text(file, extension):
    """The text of ``file`` (a Django ``File``) for its lower-case ``extension``; "" when there is none."""
    extractor = EXTRACTORS.get((extension or "").lower())
    if extractor is None or not file:
        return ""
    try:
        if getattr(file, "_committed", True):
            # A stored file: open it from storage and close it again.
            with file.open("rb") as stored:
                data = stored.read(MAX_FILE_BYTES + 1)
        else:
            # A file being uploaded: read it and rewind it for the storage that saves it next.
            upload = file.file
            upload.seek(0)
            data = upload.read(MAX_FILE_BYTES + 1)
            upload.seek(0)
        if len(data) > MAX_FILE_BYTES:
            return ""
        return _clean(extractor(data))
    except Exception:  # noqa: BLE001 — never fail an upload because its text cannot be read
        logger.warning("Could not read the text of %s for search", getattr(file, "name", "a file"), exc_info=True)
        return ""
