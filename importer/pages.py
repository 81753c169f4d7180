"""Create, update and publish imported pages, whatever their type, without importing a category app.

Page types of the category apps are looked up by name (``apps.get_model``) or from a parent page's allowed
sub-page types, so this app depends on ``home`` and Wagtail only. Every imported page is published as the
former site had it, inside ``home.compliance.importing()`` (no "your item is live" e-mail), and gets one
``IMPORTED_ACTION`` entry in its audit log: the publication reports list it as imported, not as approved.
"""

import json
import re
import unicodedata

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.utils.text import slugify

from wagtail.log_actions import log
from wagtail.models import Page, Site

from home import compliance
from home.models import ItemPage
from home.slugs import SLUG_RE

# Fields Wagtail fills when the page is placed in the tree; not the importer's to check.
TREE_FIELDS = [
    "path",
    "depth",
    "numchild",
    "url_path",
    "content_type",
    "draft_title",
    "live_revision",
    "latest_revision",
]


def page_model(label):
    """ "disclosure.NewsPage" -> the model, or None."""
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def find_page(address):
    """A page by its address on this site ("/news/"), or by id ("12"); None when there is none."""
    address = str(address or "").strip()
    if address.isdigit():
        return Page.objects.filter(pk=int(address)).first()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    path = site.root_page.url_path + "/".join(part for part in address.split("/") if part)
    path = path.rstrip("/") + "/"
    return Page.objects.filter(url_path=path).first()


def item_model_for(parent):
    """The item page type that goes under ``parent`` (an ItemPage subclass it allows), or None."""
    for model in parent.specific_class.allowed_subpage_models():
        if issubclass(model, ItemPage) and not model._meta.abstract:
            return model
    return None


def _slug_candidate(value, keep_only_slug_chars=False):
    """``value`` as a slug the site accepts whole (Thai vowels and tone marks kept), or "" when it is not one.

    Lower case, spaces to "-"; ASCII goes through Django's ``slugify`` as before. A Thai slug is checked by the
    same validator as the admin's slug field (``validate_unicode_slug``, widened by ``home.slugs``); with
    ``keep_only_slug_chars`` (a title, not a slug) punctuation such as "(" or "." is dropped first."""
    value = unicodedata.normalize("NFC", str(value or "")).strip().lower()
    if value.isascii():
        return slugify(value)[:200].strip("-")
    value = re.sub(r"\s+", "-", value)
    if keep_only_slug_chars:
        value = "".join(c for c in value if SLUG_RE.match(c))
    value = re.sub(r"-{2,}", "-", value)[:200].strip("-")
    try:
        validate_unicode_slug(value)
    except ValidationError:
        return ""
    return value


def unique_slug(parent, wanted, fallback, exclude_pk=None, title=""):
    """A slug for a new page under ``parent``: ``wanted`` (URL-decoded by the reader) when it is a valid slug —
    a Thai one kept whole — else one made from ``title``, else ``fallback`` ("wp-201"); "-2", "-3" on a clash
    with a sibling."""
    base = _slug_candidate(wanted) or _slug_candidate(title, keep_only_slug_chars=True) or fallback
    slug, n = base, 1
    siblings = parent.get_children()
    if exclude_pk:
        siblings = siblings.exclude(pk=exclude_pk)
    while siblings.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def set_body(page, field, blocks):
    setattr(page, field, json.dumps(blocks, ensure_ascii=False))


def validation_problems(error, model):
    """[(field name, field label, message)] of a ValidationError on a page of ``model``, in Thai."""
    problems = []
    for name, messages in error.message_dict.items():
        try:
            label = str(model._meta.get_field(name).verbose_name) if name != "__all__" else ""
        except Exception:
            label = name
        problems += [(name, label, str(message)) for message in messages]
    return problems


def check_page(page):
    """The page's own rules (required facts, period, type checks): [(field, label, message)], [] if none."""
    try:
        page.full_clean(exclude=[*TREE_FIELDS, "body", "attachments"])
    except ValidationError as error:
        return validation_problems(error, type(page))
    return []


def save_and_publish(page, parent=None, when=None, updated=None, user=None, source="", old_url=""):
    """Add ``page`` under ``parent`` (new) or save a revision of it (existing), publish it, log the import."""
    with compliance.importing():
        if page.pk is None:
            parent.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=False)
        # Published by the system, not as ``user``: nobody but the superuser holds Wagtail's publish permission
        # here (the workflow publishes). The revision and the import entry name who ran the import.
        revision.publish(log_action=False)
        if when is not None:
            # The dates of the old site, so lists keep their order and the facts box tells the truth.
            Page.objects.filter(pk=page.pk, first_published_at__gt=when).update(first_published_at=when)
            Page.objects.filter(pk=page.pk).update(last_published_at=max(when, updated or when))
        page.refresh_from_db()
        log(instance=page, action=compliance.IMPORTED_ACTION, user=user, data={"source": source, "old_url": old_url})
    return page
