"""Read a WordPress export (WXR, "Tools › Export" in WordPress) into plain records, safely.

The file is XML from another system, so it is parsed with ``defusedxml`` (no entity expansion, no external
entities). Each ``<item>`` becomes a :class:`WPItem`; the categories of the channel map nicename to name.
"""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from django.utils import timezone

from defusedxml import ElementTree

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
ALT_META_KEY = "_wp_attachment_image_alt"


class WXRError(Exception):
    """The file is not a WordPress export this importer can read."""


@dataclass
class WPItem:
    post_id: str
    post_type: str
    status: str
    title: str
    link: str
    guid: str
    slug: str
    content: str = ""
    excerpt: str = ""
    date: dt.datetime | None = None
    modified: dt.datetime | None = None
    parent_id: str = ""
    attachment_url: str = ""
    categories: list = field(default_factory=list)  # [(nicename, name)]
    meta: dict = field(default_factory=dict)

    @property
    def alt_text(self):
        return (self.meta.get(ALT_META_KEY) or "").strip()

    def old_paths(self):
        """Every address the old site answered for this item, as paths with their query."""
        paths = []
        for url in (self.link, self.guid, self.attachment_url):
            path = path_of(url)
            if path and path not in paths:
                paths.append(path)
        by_id = {"post": [f"/?p={self.post_id}", f"/archives/{self.post_id}"], "page": [f"/?page_id={self.post_id}"]}
        by_id["attachment"] = [f"/?attachment_id={self.post_id}"]
        for path in by_id.get(self.post_type, []):
            if path not in paths:
                paths.append(path)
        return paths


@dataclass
class WXRFile:
    site_url: str
    items: list
    categories: dict  # nicename -> name


def path_of(url):
    """ "https://old.example/2019/05/ข่าว/?x=1" -> "/2019/05/ข่าว/?x=1" ("" for an empty address)."""
    if not url:
        return ""
    parsed = urlparse(url.strip())
    path = unquote(parsed.path or "/")
    return f"{path}?{parsed.query}" if parsed.query else path


def _text(node, tag):
    found = node.find(tag, NS)
    return (found.text or "").strip() if found is not None and found.text else ""


def _raw(node, tag):
    found = node.find(tag, NS)
    return found.text or "" if found is not None else ""


def _gmt(value):
    if not value or value.startswith("0000"):
        return None
    try:
        return timezone.make_aware(dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S"), dt.UTC)
    except ValueError:
        return None


def _local(value):
    if not value or value.startswith("0000"):
        return None
    try:
        return timezone.make_aware(dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S"))
    except ValueError:
        return None


def read_wxr(path):
    try:
        tree = ElementTree.parse(str(path))
    except ElementTree.ParseError as error:
        raise WXRError(str(error)) from error
    except Exception as error:  # defusedxml refuses entity tricks with its own exceptions
        raise WXRError(f"{type(error).__name__}: {error}") from error
    channel = tree.getroot().find("channel")
    if channel is None or channel.find("wp:wxr_version", NS) is None:
        raise WXRError("no <channel> with <wp:wxr_version>")
    categories = {}
    for cat in channel.findall("wp:category", NS):
        categories[unquote(_text(cat, "wp:category_nicename"))] = _text(cat, "wp:cat_name")
    items = []
    for node in channel.findall("item"):
        meta = {_text(m, "wp:meta_key"): _raw(m, "wp:meta_value") for m in node.findall("wp:postmeta", NS)}
        item_categories = [
            (unquote(c.get("nicename", "")), (c.text or "").strip())
            for c in node.findall("category")
            if c.get("domain") == "category"
        ]
        for nicename, name in item_categories:
            categories.setdefault(nicename, name)
        items.append(
            WPItem(
                post_id=_text(node, "wp:post_id"),
                post_type=_text(node, "wp:post_type"),
                status=_text(node, "wp:status"),
                title=_text(node, "title"),
                link=_text(node, "link"),
                guid=_text(node, "guid"),
                slug=unquote(_text(node, "wp:post_name")),
                content=_raw(node, "content:encoded"),
                excerpt=_raw(node, "excerpt:encoded").strip(),
                date=_gmt(_text(node, "wp:post_date_gmt")) or _local(_text(node, "wp:post_date")),
                modified=_gmt(_text(node, "wp:post_modified_gmt")) or _local(_text(node, "wp:post_modified")),
                parent_id=_text(node, "wp:post_parent"),
                attachment_url=_text(node, "wp:attachment_url"),
                categories=item_categories,
                meta=meta,
            )
        )
    return WXRFile(
        site_url=_text(channel, "wp:base_site_url") or _text(channel, "link"), items=items, categories=categories
    )
