"""WordPress post HTML -> the ``body`` StreamField of our pages (raw JSON), cleaned.

WordPress stores posts as HTML, often without ``<p>`` (it adds them when showing the post: ``wpautop``),
with shortcodes, inline styles, scripts and embedded frames. The body keeps what our blocks can show:
headings (level 2 or 3), paragraphs of rich text (bold, italic, lists, links), pictures (an image block, only
for pictures imported with their alternative text) and tables; everything else is unwrapped to its text or
dropped, and each loss is noted so the report says so. Thai text is kept as it is (no re-encoding).
"""

import re
import uuid
from dataclasses import dataclass, field
from html import escape

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "figure", "blockquote", "hr", "pre"}
INLINE_KEEP = {"b": "b", "strong": "b", "i": "i", "em": "i", "a": "a", "br": "br"}
DROP_TAGS = {"script", "style", "iframe", "object", "embed", "form", "input", "button", "noscript", "svg", "video"}
SHORTCODE_RE = re.compile(r"\[/?[a-zA-Z_][\w-]*(?:\s[^\]]*)?\]")
SIZE_SUFFIX_RE = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")


@dataclass
class Converted:
    blocks: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # (code, detail): "missing_image", "dropped"


def upload_key(url):
    """The key of an uploaded file: its path after /wp-content/uploads/, without WordPress's size suffix."""
    if not url:
        return ""
    path = url.split("?", 1)[0].split("#", 1)[0]
    marker = "/wp-content/uploads/"
    if marker in path:
        path = path.split(marker, 1)[1]
    else:
        path = path.rsplit("/", 1)[-1]
    from urllib.parse import unquote

    return SIZE_SUFFIX_RE.sub("", unquote(path)).lower()


class Converter:
    """Turn one post's HTML into blocks, with ``images``/``documents``: upload key -> (id, alt) / id."""

    def __init__(self, images, documents, old_site=""):
        self.images = images
        self.documents = documents
        self.old_site = (old_site or "").rstrip("/")

    def convert(self, html):
        result = Converted()
        html = SHORTCODE_RE.sub("", html or "")
        soup = BeautifulSoup(html, "html.parser")
        for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
        for tag in soup.find_all(DROP_TAGS):
            result.notes.append(("dropped", tag.name))
            tag.decompose()
        self._children(soup, result)
        return result

    def _children(self, node, result):
        """The children of ``node``: runs of text and inline tags become paragraphs (split at blank lines)."""
        pending = []
        for child in list(node.children):
            if isinstance(child, Tag) and (child.name == "img" or (child.name == "a" and child.find("img"))):
                self._flush(pending, result)
                self._image(child if child.name == "img" else child.find("img"), result)
            elif isinstance(child, Tag) and child.name in BLOCK_TAGS:
                self._flush(pending, result)
                self._block(child, result)
            elif isinstance(child, Tag) and child.name == "figcaption":
                continue  # a picture's caption: the picture carries its alternative text
            elif isinstance(child, Tag):
                pending.append(self._inline(child, result))
            elif isinstance(child, NavigableString):
                pending.append(escape(str(child)))
        self._flush(pending, result)

    def _flush(self, pending, result):
        text = "".join(pending)
        pending.clear()
        for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
            part = part.strip().replace("\n", "<br/>")
            if part and re.sub(r"<br/?>|\s|&nbsp;", "", part):
                self._paragraph(result, f"<p>{part}</p>")

    # Blocks -------------------------------------------------------------------------------------------
    def _block(self, node, result):
        name = node.name
        if name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            text = node.get_text(" ", strip=True)
            if text:
                level = "h2" if name in {"h1", "h2"} else "h3"
                result.blocks.append(self._raw("heading", {"text": text[:200], "level": level}))
            return
        if name == "hr":
            result.blocks.append(self._raw("paragraph", "<hr/>"))
            return
        if name == "table":
            rows = [
                [cell.get_text(" ", strip=True) for cell in tr.find_all(["td", "th"])] for tr in node.find_all("tr")
            ]
            rows = [row for row in rows if any(row)]
            if rows:
                width = max(len(row) for row in rows)
                data = [row + [""] * (width - len(row)) for row in rows]
                result.blocks.append(
                    self._raw(
                        "table",
                        {
                            "data": data,
                            "first_row_is_table_header": bool(node.find("th")),
                            "first_col_is_header": False,
                            "table_caption": "",
                        },
                    )
                )
            return
        if name in {"ul", "ol"}:
            items = "".join(
                f"<li>{self._inline_children(li, result)}</li>" for li in node.find_all("li", recursive=False)
            )
            if items:
                self._paragraph(result, f"<{name}>{items}</{name}>")
            return
        # p, div, figure, blockquote, pre: pictures become image blocks, the rest paragraphs
        self._children(node, result)

    def _image(self, img, result):
        src = img.get("src", "")
        found = self.images.get(upload_key(src))
        if found is None:
            result.notes.append(("missing_image", src))
            return
        image_id, alt = found
        result.blocks.append(self._raw("image", {"image": image_id, "decorative": False, "alt_text": alt}))

    def _paragraph(self, result, html):
        result.blocks.append(self._raw("paragraph", html))

    @staticmethod
    def _raw(kind, value):
        return {"type": kind, "value": value, "id": str(uuid.uuid4())}

    # Inline -------------------------------------------------------------------------------------------
    def _inline_children(self, node, result):
        return "".join(self._inline(c, result) if isinstance(c, Tag) else escape(str(c)) for c in node.children).strip()

    def _inline(self, node, result):
        if node.name == "img":
            result.notes.append(("inline_image", node.get("src", "")))
            return ""
        if node.name == "br":
            return "<br/>"
        inner = self._inline_children(node, result)
        tag = INLINE_KEEP.get(node.name)
        if tag is None or not inner:
            return inner
        if tag == "a":
            return self._link(node.get("href", ""), inner, result)
        return f"<{tag}>{inner}</{tag}>"

    def _link(self, href, inner, result):
        href = (href or "").strip()
        if "/wp-content/uploads/" in href:
            document_id = self.documents.get(upload_key(href))
            if document_id:
                return f'<a id="{document_id}" linktype="document">{inner}</a>'
            result.notes.append(("missing_file", href))
            return inner
        if self.old_site and href.startswith(self.old_site):
            href = href[len(self.old_site) :] or "/"  # an address of the old site: its redirect finds the page
        if not href.startswith(("http://", "https://", "mailto:", "tel:", "/")):
            return inner
        return f'<a href="{escape(href)}">{inner}</a>'
