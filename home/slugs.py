"""Thai slugs kept whole: vowels above and below the line and tone marks are not dropped.

Thai writes most vowels and every tone mark as combining characters (Unicode category Mn), which
Django's ``slugify`` and ``validate_unicode_slug`` do not count as word characters: "ข่าวเปิดคลินิก"
became "ขาวเปดคลนก", and a slug typed whole was refused. ``install()`` (``HomeConfig.ready``) makes
the three places that decide a slug keep them: Django's unicode-slug validator (every model and form
``SlugField(allow_unicode=True)`` shares it), Wagtail's slug from the title when a page is saved
without one, and — in the admin's browser — Wagtail's slug controller
(``hodsite/static/js/admin-slug.js``). ``hodsite/urls.py`` serves such pages with ``SERVE_PATTERN``.
"""

import re
import unicodedata

from django.core import validators
from django.utils.encoding import uri_to_iri
from django.utils.functional import Promise
from django.utils.text import slugify as django_slugify

# Word characters, "-", and combining marks (Thai vowels and tone marks, Latin accents).
SLUG_CHARS = r"[-\w\u0300-\u036f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
SLUG_RE = re.compile(rf"^{SLUG_CHARS}+\Z")
# Wagtail's page-serving pattern (wagtail/urls.py) with the same characters: Wagtail's own ``[\w\-]+``
# neither serves nor reverses /ข่าว/ (hodsite/urls.py puts this one first).
SERVE_PATTERN = rf"^((?:{SLUG_CHARS}+/)*)$"


def slugify(value, allow_unicode=False):
    """Django's ``slugify``, but with ``allow_unicode`` the combining marks stay."""
    if not allow_unicode:
        return django_slugify(value)
    if isinstance(value, Promise):
        value = str(value)
    # NFC, not NFKC as Django does: NFKC splits the vowel ำ (U+0E33) into ํ + า, a slug that looks the same
    # but is another address, which nobody typing ทำ would reach.
    value = unicodedata.normalize("NFC", str(value))
    value = "".join(c for c in value.lower() if c.isalnum() or c in "_- \t\n" or unicodedata.category(c) == "Mn")
    value = "".join(c if not c.isspace() else " " for c in value)
    return re.sub(r"[-\s]+", "-", value).strip("-_")


def readable_url(url):
    """An address as people read it: Thai letters instead of %E0%B8… (an IRI); for print, mail and files."""
    if not url:
        return url or ""
    return uri_to_iri(str(url))


def install():
    validators.validate_unicode_slug.regex = SLUG_RE
    import wagtail.models.pages

    wagtail.models.pages.slugify = slugify
