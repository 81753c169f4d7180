"""Helpers the demo loaders share: create-if-missing for pages, images, documents and departments.

``load_demo_data`` builds the hospital's own part (``demo.loaders.hospital``), then calls
``load(builder)`` of every area in ``demo.loaders.AREAS``, so no product app knows the demo exists.
Every helper returns what exists already and creates
only what is missing: running the loader again keeps data and editors' changes.
"""

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from demo import media
from home.models import Department


class DemoBuilder:
    def __init__(self, site, stdout=None):
        self.site = site
        self.home = site.root_page.specific
        self.created = []
        self.stdout = stdout

    # -- records ------------------------------------------------------------------------------

    def department(self, name, kind="group", email=""):
        department, created = Department.objects.get_or_create(name=name, defaults={"kind": kind, "email": email})
        if created:
            self.created.append(f"department: {name}")
        return department

    def image(self, title, data, filename, alt):
        """``data`` may be bytes or a callable producing bytes (only called when the image is new)."""
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        data = data() if callable(data) else data
        img = Image(title=title, description=alt, file=ImageFile(io.BytesIO(data), name=filename))
        img.save()
        self.created.append(f"image: {title}")
        return img

    def document(self, title, data, filename, description="", owner=None, period=(None, None)):
        """``data`` may be bytes or a callable producing bytes (only called when the document is new)."""
        Document = get_document_model()
        existing = Document.objects.filter(title=title).first()
        if existing:
            return existing
        data = data() if callable(data) else data
        doc = Document(
            title=title, description=description, owner_unit=owner, period_start=period[0], period_end=period[1]
        )
        doc.file.save(filename, ContentFile(data), save=False)
        doc.file_size = len(data)
        doc.save()
        self.created.append(f"document: {title}")
        return doc

    def pdf_document(self, title, paragraphs, filename, owner=None, period=(None, None), meta=(), description=""):
        """A document whose PDF (Thai text, Sarabun) is made by the project itself."""
        return self.document(
            title,
            lambda: media.thai_pdf(title, paragraphs, meta),
            filename,
            description=description,
            owner=owner,
            period=period,
        )

    # -- pages --------------------------------------------------------------------------------

    def page(self, parent, model, slug, published_days_ago=None, published_at=None, **fields):
        """The child of ``parent`` with ``slug``; created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        if published_days_ago is not None:
            published_at = timezone.now() - dt.timedelta(days=published_days_ago)
        if published_at is not None:
            Page.objects.filter(pk=page.pk).update(first_published_at=published_at, last_published_at=published_at)
            page.refresh_from_db()
        self.created.append(f"page: {page.url_path}")
        return page

    def find(self, path):
        """A page by its path below the home page, e.g. ``"about"`` or ``"transparency/laws"``."""
        url_path = f"{self.home.url_path}{path.strip('/')}/"
        page = Page.objects.filter(url_path=url_path).first()
        return page.specific if page else None

    def attachment(self, document, title=""):
        """One block of an ``attachments`` StreamField."""
        return ("document", {"document": document, "title": title})
