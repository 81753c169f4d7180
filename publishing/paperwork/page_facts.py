"""What a page says about itself on the paperwork: its section (category) and its MOIT item."""

import re

from wagtail.models import Site

from ..roles import load_table


def section_categories():
    """(url_path prefix, category) pairs from the responsibility table, longest prefix first."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    root = site.root_page.url_path
    pairs = [(f"{root}{path.strip('/')}/", row.category) for row in load_table() for path in row.paths]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def category_of(page, categories=None):
    """The section (category of the responsibility table) a page is published in, or its parent's title."""
    for prefix, category in categories if categories is not None else section_categories():
        if page.url_path.startswith(prefix):
            return category
    parent = page.get_parent()
    return parent.title if parent is not None and parent.depth > 2 else ""


def moit_of(page):
    """The MOIT item a page names, read generically (``moit_number``, ``moit_item``, ``moit_code``)."""
    for name in ("moit_number", "moit_item", "moit_code"):
        value = getattr(page, name, None)
        if value in (None, ""):
            continue
        if callable(value):
            value = value()
        text = str(value)
        return f"MOIT {text}" if re.fullmatch(r"\d+(\.\d+)*", text) else text
    return ""
