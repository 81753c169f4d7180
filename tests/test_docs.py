"""The README stays short and the documentation stays true to the tree ([6/6] Architecture).

The README is the front door: two commands, the demo accounts, a map of the tree and links into docs/. It
fails here when it grows past 130 lines, when a relative link or image in README.md or docs/*.md points at a
file that does not exist, and when the README's map names a top-level folder that does not exist or misses
one that does (every top-level package, plus templates/, locale/, tests/, docs/ and deploy/ when present).
"""

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
MAX_README_LINES = 130
MAX_IMAGE_BYTES = 256_000
# Top-level folders without an __init__.py that the map must still name when they exist.
NON_PACKAGE_FOLDERS = {"templates", "locale", "tests", "docs", "deploy"}

FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
CODE_SPAN = re.compile(r"`[^`\n]*`")
# [text](target) and ![alt](target), with an optional "title"; nested brackets in the text are not used here.
LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*(\S+)", re.M)
HTML_SRC = re.compile(r"<(?:img|a)\b[^>]*?\b(?:src|href)=\"([^\"]+)\"", re.I)
MAP_ROW = re.compile(r"^\|\s*`([^`/]+)/`")


def _prose(text):
    """The text without fenced code blocks and code spans, where brackets are code, not links."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def _links(text):
    prose = _prose(text)
    targets = LINK.findall(prose) + REFERENCE.findall(prose) + HTML_SRC.findall(prose)
    return [t for t in targets if not re.match(r"^[a-z][a-z0-9+.-]*:", t, re.I) and not t.startswith("//")]


def relative_targets(text):
    """The relative link and image targets of a Markdown text (http:, mailto: and #fragments left out)."""
    return [path for t in _links(text) if (path := t.split("#", 1)[0].split("?", 1)[0])]


def slug(heading):
    """A heading's anchor as GitHub makes it: lower case; letters (Thai vowel and tone marks included),
    digits, spaces, hyphens and underscores kept, everything else dropped; spaces become hyphens."""
    kept = "".join(c for c in heading.strip().lower() if c in " -_" or unicodedata.category(c)[0] in "LMN")
    return kept.replace(" ", "-")


def anchors(text):
    """The anchors of a Markdown text's headings (a repeated heading gets -1, -2, …)."""
    seen, found = {}, set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", FENCE.sub("", text), re.M):
        base = slug(CODE_SPAN.sub(lambda m: m.group(0).strip("`"), heading))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def missing_targets(markdown_file):
    """Relative links and images of the file that point at a missing file, or at a missing heading of a
    Markdown file (paths relative to the file)."""
    missing = []
    for target in _links(markdown_file.read_text(encoding="utf-8")):
        path, _, fragment = target.partition("#")
        path = path.split("?", 1)[0]
        file = (markdown_file.parent / path) if path else markdown_file
        if not file.exists():
            missing.append(target)
        elif fragment and file.suffix == ".md" and fragment not in anchors(file.read_text(encoding="utf-8")):
            missing.append(target)
    return missing


def map_folders(readme_text):
    """The top-level folders named in the first column of the README's map table (`name/`)."""
    section = re.search(r"^## Map of the tree\s*$(.*?)(?=^## |\Z)", readme_text, re.S | re.M)
    assert section, 'README.md has no "## Map of the tree" section'
    return {m.group(1) for line in section.group(1).splitlines() if (m := MAP_ROW.match(line))}


def tree_folders(root):
    """Top-level folders the map must name: every package, plus the non-package folders that exist."""
    return {
        p.name
        for p in root.iterdir()
        if p.is_dir() and not p.name.startswith(".") and ((p / "__init__.py").exists() or p.name in NON_PACKAGE_FOLDERS)
    }


def map_problems(readme_text, root):
    named = map_folders(readme_text)
    present = tree_folders(root)
    problems = [
        f"the map names {name}/, which is not a folder of the tree"
        for name in sorted(named)
        if not (root / name).is_dir()
    ]
    problems += [f"the map does not name {name}/" for name in sorted(present - named)]
    return problems


def length_problem(readme_text):
    lines = len(readme_text.splitlines())
    if lines > MAX_README_LINES:
        return f"README.md has {lines} lines (at most {MAX_README_LINES}): move the detail into docs/"
    return ""


def markdown_files():
    return [README, *sorted(DOCS.glob("*.md"))]


# --- The documentation as it is --------------------------------------------------------------------------


def test_readme_is_short():
    assert length_problem(README.read_text(encoding="utf-8")) == ""


def test_docs_folder_has_the_documents_the_readme_promises():
    assert DOCS.is_dir()
    assert len(markdown_files()) > 5


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_and_images_point_at_files_that_exist(path):
    assert missing_targets(path) == []


def test_readme_links_every_document_in_docs():
    linked = {(ROOT / t).resolve() for t in relative_targets(README.read_text(encoding="utf-8"))}
    unlinked = [p.name for p in sorted(DOCS.glob("*.md")) if p.resolve() not in linked]
    assert unlinked == [], f"README.md does not link {unlinked}"


def test_readme_map_matches_the_top_level_folders():
    assert map_problems(README.read_text(encoding="utf-8"), ROOT) == []


def test_images_in_docs_are_used_and_small():
    images = sorted((DOCS / "images").glob("*.png")) if (DOCS / "images").is_dir() else []
    used = set()
    for path in markdown_files():
        used |= {(path.parent / t).resolve() for t in relative_targets(path.read_text(encoding="utf-8"))}
    assert [p.name for p in images if p.resolve() not in used] == [], "unused pictures in docs/images/"
    assert [p.name for p in images if p.stat().st_size > MAX_IMAGE_BYTES] == [], "shrink these (pngquant)"


# --- The checks themselves catch what they are meant to catch ---------------------------------------------


def test_a_broken_link_or_image_is_found_and_code_is_not_read_as_a_link(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "here.md").write_text("# Part\n", encoding="utf-8")
    page = tmp_path / "README.md"
    page.write_text(
        "[ok](docs/here.md#part) [gone](docs/gone.md) ![pic](docs/images/none.png)\n"
        "[web](https://example.org) [mail](mailto:a@b.c) `[code](nothere.md)`\n"
        '<img src="docs/missing.png" alt="">\n'
        "```\n[fenced](also-not-there.md)\n```\n",
        encoding="utf-8",
    )
    assert missing_targets(page) == ["docs/gone.md", "docs/images/none.png", "docs/missing.png"]


def test_a_link_to_a_missing_heading_is_found_thai_headings_included(tmp_path):
    (tmp_path / "guide.md").write_text(
        "# คู่มือ\n\n## 4.2 รายงานผลการเผยแพร่ข้อมูล\n\n## Paperwork (R2.7, MOIT 1.2)\n\n## Notes\n\n## Notes\n",
        encoding="utf-8",
    )
    page = tmp_path / "README.md"
    page.write_text(
        "[a](guide.md#42-รายงานผลการเผยแพร่ข้อมูล) [b](guide.md#paperwork-r27-moit-12) [c](guide.md#notes-1)\n"
        "[d](guide.md#no-such-part) [e](#top-of-nothing) [f](guide.md)\n",
        encoding="utf-8",
    )
    assert missing_targets(page) == ["guide.md#no-such-part", "#top-of-nothing"]


def test_a_map_naming_a_missing_folder_or_missing_a_real_one_is_reported(tmp_path):
    for name in ("home", "gone_app_dir_never_named"):
        (tmp_path / name).mkdir()
    (tmp_path / "home" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "unlisted").mkdir()
    (tmp_path / "unlisted" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "static_files").mkdir()  # neither a package nor a folder the map must name
    readme = "# X\n\n## Map of the tree\n\n| Path | What |\n|---|---|\n| `home/` | a |\n| `ghost/` | b |\n\n## Next\n"
    assert map_problems(readme, tmp_path) == [
        "the map names ghost/, which is not a folder of the tree",
        "the map does not name templates/",
        "the map does not name unlisted/",
    ]


def test_a_readme_past_the_limit_is_reported():
    assert length_problem("line\n" * MAX_README_LINES) == ""
    assert "131 lines" in length_problem("line\n" * (MAX_README_LINES + 1))
