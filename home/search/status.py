"""Whether the search index holds Thai words, so commands can rebuild an index made before segmentation."""

from django.db import connection

from wagtail.search.models import IndexEntry

from home.search import thai


def index_is_thai(root):
    """True when the index entry of ``root`` (a page with a Thai title) holds its title cut into words.

    SQLite keeps the indexed text in ``title``; PostgreSQL keeps a tsvector there and the text in
    ``title_text``. A missing entry counts as not built.
    """
    page = root.specific
    entry = IndexEntry.objects.filter(content_type_id=page.content_type_id, object_id=str(page.pk)).first()
    if entry is None:
        return False
    stored = entry.title_text if connection.vendor == "postgresql" else entry.title
    return (stored or "").strip() == thai.index_text(page.title)


__all__ = ["index_is_thai"]
