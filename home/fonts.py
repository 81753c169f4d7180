"""Serve the Sarabun web font from the ``fontpkg-sarabun`` wheel as our own static files.

The font is a PyPI dependency, so a fresh machine gets it from ``pip install`` and nothing is
fetched from a font CDN. Files appear under ``static/fonts/sarabun/``.
"""

from pathlib import Path

from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

import fontpkg_sarabun

FONT_DIR = Path(fontpkg_sarabun.__file__).resolve().parent / "files"
PREFIX = "fonts/sarabun"
# The weights the site uses; the PDF renderer may use others straight from FONT_DIR.
WEB_FILES = ["Sarabun-Regular.ttf", "Sarabun-Italic.ttf", "Sarabun-SemiBold.ttf", "Sarabun-Bold.ttf"]


class SarabunFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=str(FONT_DIR))
        self.storage.prefix = PREFIX

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        prefix = PREFIX + "/"
        if path.startswith(prefix) and path[len(prefix) :] in WEB_FILES:
            match = str(FONT_DIR / path[len(prefix) :])
            return [match] if find_all else match
        return [] if find_all else None

    def list(self, ignore_patterns):
        for name in WEB_FILES:
            yield name, self.storage


def font_path(weight="Regular"):
    """Absolute path of a Sarabun TTF, for WeasyPrint and other renderers."""
    return FONT_DIR / f"Sarabun-{weight}.ttf"
