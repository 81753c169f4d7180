"""Ten years of a hospital's transparency site at volume, written fast: the data of ``generate_volume``.

For measuring speed (``tests/bench``), not for looking at: titles are combined from the real phrases of
``demo/data/volume.toml`` (units, what was bought, Thai months, fiscal years พ.ศ. 2560–2570), dates are
spread over ten years, and every page is live and public as a published page is. Speed comes from
writing rows in bulk instead of one ``add_child`` and one revision per page:

- **pages** — the tree's materialised paths are computed here (``Page._get_path``, as treebeard does),
  the ``wagtailcore_page`` rows are bulk-created, then the rows of the page type's own table are inserted
  in batches with the same primary keys (Django refuses ``bulk_create`` across multi-table inheritance);
  the parent's ``numchild`` is raised once. No revisions: a page published by the workflow has them,
  but serving a page never reads them.
- **documents** — rows pointing at a handful of real PDFs stored once (``volume/`` in the media storage),
  so 60,000 documents take a few hundred kilobytes of disk; their text for search is set with the row.
  A share of them goes to a private collection (login required), attached to nothing.
- **references** — Wagtail's reference index rows for every attachment, so the search finds documents
  attached to public pages as it does for documents attached in the editor.
- **search index** — the project's search backend indexes the new objects, model by model, in chunks.
  Cutting Thai into words is what takes the time (milliseconds a field); the generated texts reuse a few
  hundred phrases, so while generating, each whitespace-separated run is cut once (``cached_thai_index``):
  the index receives the same words ``home.search.thai.index_text`` gives (``tests/demo/test_volume.py``).
"""

import contextlib
import datetime as dt
import functools
import hashlib
import random
import uuid
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, prefetch_related_objects
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from demo import content, media
from home import thai_dates
from home.models import Department
from home.search import thai

BATCH = 500
# Slugs of generated pages start with this, so a second run knows what is there already.
SLUG_PREFIX = "vol"
PRIVATE_COLLECTION = "เอกสารภายใน (ไม่เผยแพร่)"
FIRST_DAY = dt.date(2016, 10, 1)  # FY2560 begins
WORDS = content.read("volume")


# -- bulk page tree -------------------------------------------------------------------------------------


def next_child_number(parent):
    """The step number of the next child of ``parent`` (one more than its last child's)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def bulk_add_children(parent, model, pages):
    """Insert ``pages`` (unsaved instances of ``model``, a direct subclass of ``Page``) under ``parent``.

    Each needs its title, slug, dates and own fields; the tree fields, URL path, content type, locale
    and publication state are set here. Returns the pages with their primary keys.
    """
    parent = Page.objects.get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(model)
    number = next_child_number(parent)
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    bases = []
    for page in pages:
        page.path = Page._get_path(parent.path, parent.depth + 1, number)
        number += 1
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type_id = content_type.id
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.latest_revision_created_at = page.last_published_at
        bases.append(Page(**{f.attname: getattr(page, f.attname) for f in page_fields}))
    Page.objects.bulk_create(bases, batch_size=BATCH)
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.id
        page._state.adding = False
    own_fields = model._meta.local_concrete_fields
    for start in range(0, len(pages), BATCH):
        model._base_manager._insert(pages[start : start + BATCH], fields=own_fields, using=connection.alias)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


_index_text = thai.index_text  # the real one, also while ``cached_thai_index`` replaces it


@functools.lru_cache(maxsize=500_000)
def _run_index_text(run):
    return _index_text(run)


def cached_index_text(text, limit=None):
    """``thai.index_text`` run by run (Thai words never cross a space), each distinct run cut once."""
    if not text:
        return ""
    text = str(text)[:limit] if limit else str(text)
    return " ".join(words for words in map(_run_index_text, text.split()) if words)


@contextlib.contextmanager
def cached_thai_index():
    """While generating: the search fields cut text with ``cached_index_text`` (restored afterwards)."""
    thai.index_text = cached_index_text
    try:
        yield
    finally:
        thai.index_text = _index_text


def index_objects(model, objects, related=(), chunk=1000):
    """Add ``objects`` to the search index (the project's Thai backend), in chunks.

    ``related``: the relations its search fields read (e.g. a document's tags), fetched once a chunk.
    """
    index = get_search_backend().get_index_for_model(model)
    for start in range(0, len(objects), chunk):
        part = objects[start : start + chunk]
        if related:
            prefetch_related_objects(part, *related)
        index.add_items(model, part)


def add_references(pages, attachment_field="attachments"):
    """Wagtail's reference index rows for each page's attached documents (as a save of the page makes).

    Each page carries the raw blocks it was given in ``attachments_raw`` (``attachments()``)."""
    Document = get_document_model()
    document_type = ContentType.objects.get_for_model(Document)
    page_type = ContentType.objects.get_for_model(Page)
    rows = []
    for page in pages:
        own_type = ContentType.objects.get_for_model(type(page))
        for block in page.attachments_raw:
            path = f"{attachment_field}.{block['id']}.document"
            rows.append(
                ReferenceIndex(
                    content_type=own_type,
                    base_content_type=page_type,
                    object_id=str(page.pk),
                    to_content_type=document_type,
                    to_object_id=str(block["value"]["document"]),
                    model_path=f"{attachment_field}.document.document",
                    content_path=path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(path),
                )
            )
    ReferenceIndex.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


# -- words ----------------------------------------------------------------------------------------------


class Words:
    """Random, realistic Thai phrases from ``volume.toml``, reproducible from one seed."""

    def __init__(self, seed):
        self.random = random.Random(seed)  # noqa: S311 — made-up content, reproducible from the seed

    def pick(self, key):
        return self.random.choice(WORDS[key])

    def fill(self, template, day, **extra):
        fy = thai_dates.fiscal_year(day)
        values = {
            "unit": self.pick("units"),
            "item": self.pick("items"),
            "campaign": self.pick("campaigns"),
            "donor": self.pick("donors"),
            "place": self.pick("places"),
            "tambon": self.pick("tambons"),
            "partner": self.pick("partners"),
            "training": self.pick("trainings"),
            "assessment": self.pick("assessments"),
            "service": self.pick("services"),
            "announcement": self.pick("announcements"),
            "holiday": self.pick("holidays"),
            "position": self.pick("positions"),
            "budget": self.pick("budgets"),
            "task": self.pick("tasks"),
            "request": self.pick("requests"),
            "month": thai_dates.thai_month(day.month),
            "year": thai_dates.be_year(day),
            "fiscal": fy,
            "quarter": thai_dates.fiscal_quarter_label(thai_dates.fiscal_quarter(day)),
            "number": self.random.randint(1, 12),
        }
        values.update(extra)
        return template.format(**values)

    def paragraphs(self, count=2):
        return [p.format(unit=self.pick("units")) for p in self.random.sample(WORDS["paragraphs"], count)]

    def body(self, count=2):
        return [
            {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())} for text in self.paragraphs(count)
        ]

    def day(self, last_day):
        return FIRST_DAY + dt.timedelta(days=self.random.randrange((last_day - FIRST_DAY).days + 1))

    def moment(self, day):
        time = dt.time(self.random.randint(8, 16), self.random.randint(0, 59))
        return timezone.make_aware(dt.datetime.combine(day, time))

    def amount(self, low=5_000, high=2_000_000):
        return Decimal(self.random.randrange(low, high)) + Decimal("0.00")


def attachments(documents):
    return [
        {"type": "document", "value": {"document": doc.pk, "title": ""}, "id": str(uuid.uuid4())} for doc in documents
    ]


# -- documents ------------------------------------------------------------------------------------------


def stored_files(count=4):
    """A few real Thai PDFs in the media storage that every generated document row points at."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    files = []
    for n in range(1, count + 1):
        name = f"documents/volume/hod-volume-{n}.pdf"
        title = f"เอกสารประกอบชุดที่ {n} โรงพยาบาลฮอด"
        paragraphs = WORDS["paragraphs"][n % len(WORDS["paragraphs"]) :][:3]
        if not default_storage.exists(name):
            saved = default_storage.save(name, ContentFile(media.thai_pdf(title, paragraphs)))
            name = saved
        with default_storage.open(name, "rb") as handle:
            data = handle.read()
        files.append((name, len(data), hashlib.sha1(data, usedforsecurity=False).hexdigest(), " ".join(paragraphs)))
    return files


def private_collection():
    """The collection of internal papers: only signed-in staff may open them; the search never shows them."""
    existing = Collection.objects.filter(name=PRIVATE_COLLECTION).first()
    if existing:
        return existing
    collection = Collection.get_first_root_node().add_child(name=PRIVATE_COLLECTION)
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


class DocumentMaker:
    """Document rows made in bulk; every one points at one of a few stored PDFs."""

    def __init__(self, words, departments, last_day):
        self.words = words
        self.departments = departments
        self.last_day = last_day
        self.files = stored_files()
        self.public_collection = Collection.get_first_root_node()
        self.pending = []

    def new(self, title, day, collection=None):
        Document = get_document_model()
        name, size, sha1, text = self.words.random.choice(self.files)
        doc = Document(
            title=title[:255],
            file=name,
            file_size=size,
            file_hash=sha1,
            collection=collection or self.public_collection,
            owner_unit=self.words.random.choice(self.departments),
            period_start=day,
            search_text=text,
            search_text_source=name,  # the text is current: indexing must not read the file again
        )
        self.pending.append(doc)
        return doc

    def for_page(self, title, day, count):
        return [self.new(f"{self.words.pick('document_kinds')} {title}", day) for _ in range(count)]

    def flush(self):
        """Write the pending documents (keys set) and return them."""
        Document = get_document_model()
        made, self.pending = self.pending, []
        Document.objects.bulk_create(made, batch_size=BATCH)
        return made


def department_list():
    departments = list(Department.objects.all())
    if not departments:
        departments = [Department.objects.create(name="งานพัสดุ", kind=Department.Kind.UNIT)]
    return departments
