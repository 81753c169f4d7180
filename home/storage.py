"""Where private files live: complaint attachments never sit with the public media.

Local by default (``COMPLAINTS_PRIVATE_ROOT``, outside MEDIA_ROOT, never served by the web server); in the
scale-out profile (``MEDIA_STORAGE=s3``) the ``complaints`` storage, a private bucket every app server reads.
Staff download through a logged, checked view either way; the backup copies whichever it is.

The storage is resolved lazily (like Django's ``default_storage``), so a model field that holds it follows
the settings, including a change of STORAGES or COMPLAINTS_PRIVATE_ROOT in a test.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, cached_property, empty


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder of files with no URL: COMPLAINTS_PRIVATE_ROOT, read when first used."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.COMPLAINTS_PRIVATE_ROOT)


class PrivateStorage(LazyObject):
    def _setup(self):
        if "complaints" in settings.STORAGES:
            self._wrapped = storages["complaints"]
        else:
            self._wrapped = PrivateFileSystemStorage()


private_files = PrivateStorage()


def private_storage():
    return private_files


def _reset(*, setting, **kwargs):
    if setting in ("STORAGES", "COMPLAINTS_PRIVATE_ROOT", "BASE_DIR"):
        private_files._wrapped = empty


setting_changed.connect(_reset, dispatch_uid="home.storage.reset")
