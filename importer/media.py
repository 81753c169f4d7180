"""Files of the former site checked exactly as uploads are, then kept as documents or images.

Documents go through ``home.file_checks.validate_document_file`` (type by content, size, macros, zip bombs,
the optional ClamAV scan); pictures through ``content_matches`` (their bytes are a real picture of that kind,
and the scan) and the image size limit, and must bring their alternative text. ``HospitalDocument.save`` and
``HospitalImage.save`` remove EXIF/XMP (GPS, camera) before the file is kept.
"""

import contextlib
import contextvars
import hashlib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _

from wagtail.models import Collection

from home.file_checks import content_matches
from home.models import HospitalDocument, HospitalImage, human_size

_stored = contextvars.ContextVar("stored_files", default=None)


@contextlib.contextmanager
def files_undone_on_failure():
    """Files stored inside the block are deleted again if the block fails: put it around the ``atomic()`` of
    one item, so a rolled-back item leaves no file behind that no document or image refers to."""
    stored = []
    token = _stored.set(stored)
    try:
        yield stored
    except BaseException:
        for storage, name in stored:
            with contextlib.suppress(Exception):  # the rollback's own error is the one to report
                storage.delete(name)
        raise
    finally:
        _stored.reset(token)


def _note_stored(field, previous):
    stored = _stored.get()
    if stored is not None and field.name and field.name != previous:
        stored.append((field.storage, field.name))


def is_picture(name):
    return Path(name).suffix.lower().lstrip(".") in settings.WAGTAILIMAGES_EXTENSIONS


def fingerprint_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_file(path, picture):
    """The Thai reasons the file may not be published ([] when it may)."""
    name = Path(path).name
    with open(path, "rb") as handle:
        upload = File(handle, name=name)
        try:
            if picture:
                limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
                size = Path(path).stat().st_size
                if limit and size > limit:
                    return [
                        _("The file is %(size)s; the limit is %(limit)s.")
                        % {"size": human_size(size), "limit": human_size(limit)}
                    ]
                extension = Path(name).suffix.lower().lstrip(".")
                if not content_matches(extension, upload):
                    return [_("The content of this file is not a real picture, although its name says so.")]
            else:
                from home.file_checks import validate_document_file

                upload.size  # noqa: B018 — File reads the size from the handle
                validate_document_file(upload)
        except ValidationError as error:
            return [str(message) for message in error.messages]
    return []


def import_collection(name):
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=name).first()
    return found or root.add_child(name=name)


def save_document(path, title, existing=None, collection=None, owner_unit=None, period=(None, None)):
    document = existing or HospitalDocument(collection=collection or Collection.get_first_root_node())
    document.title = title[:255]
    document.owner_unit = owner_unit
    document.period_start, document.period_end = period
    previous = document.file.name if existing else None  # the file the database keeps on a rollback
    with open(path, "rb") as handle:
        document.file.save(Path(path).name, File(handle), save=False)
    _note_stored(document.file, previous)
    document._set_document_file_metadata()
    document.save()
    _note_stored(document.file, previous)  # the save may store it again (a photo without its EXIF)
    return document


def save_image(path, title, alt, existing=None, collection=None):
    image = existing or HospitalImage(collection=collection or Collection.get_first_root_node())
    image.title = title[:255]
    image.description = alt[:255]
    previous = image.file.name if existing else None
    with open(path, "rb") as handle:
        image.file.save(Path(path).name, File(handle), save=False)
    _note_stored(image.file, previous)
    image._set_image_file_metadata()
    image.save()
    _note_stored(image.file, previous)
    return image
