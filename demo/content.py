"""The demo's data files (``demo/data/<area>.toml``) and the few helpers that turn their texts into blocks.

Names of people are invented for the demo; the structure and responsibilities follow the hospital's
announcement (shared/seed) and its 10-row responsibility table. The hospital's own content
(``hospital.toml``) is exposed here as the constants the loaders use (``TREE``, ``POLICIES``, ...).
"""

import functools
import tomllib
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
HEADING = "## "


@functools.cache
def read(area):
    """The parsed ``demo/data/<area>.toml`` (read once per process; treat it as read-only)."""
    with (DATA / f"{area}.toml").open("rb") as file:
        return tomllib.load(file)


def p(*texts):
    return [{"type": "paragraph", "value": f"<p>{t}</p>"} for t in texts]


def h(text):
    return [{"type": "heading", "value": {"text": text, "level": "h2"}}]


def responsible(units, reviewers):
    return h("ผู้รับผิดชอบและผู้ตรวจสอบ") + p(f"<b>ผู้รับผิดชอบ:</b> {units}", f"<b>ผู้ตรวจสอบ:</b> {reviewers}")


def body(lines, who=None):
    """StreamField blocks from a data file's lines ("## " starts a heading) and its ``responsible`` table."""
    blocks = []
    for line in lines:
        blocks += h(line.removeprefix(HEADING)) if line.startswith(HEADING) else p(line)
    if who:
        blocks += responsible(who["units"], who["reviewers"])
    return blocks


def _page(entry):
    return entry["slug"], entry["title"], entry["intro"], body(entry["body"], entry.get("responsible"))


_hospital = read("hospital")
DIRECTOR = (_hospital["director"]["name"], _hospital["director"]["position"])
CONTACT = _hospital["contact"]
# (slug, title, intro, body, children, in_menu): the top-level sections and the texts of every
# category. ``home`` creates the grouping sections and the pages it owns (HOME_OWNED); the category
# loaders create their own page types at the other paths, reusing these texts.
TREE = [(*_page(s), [_page(c) for c in s["children"]], s["in_menu"]) for s in _hospital["sections"]]
# Pages not in the menu: the footer's fixed links.
POLICIES = [_page(entry) for entry in _hospital["policies"]]
NEWS = [(n["slug"], n["title"], n["intro"], n["picture_label"], n["days_ago"]) for n in _hospital["news"]]
# Top-level order of the menu; sections created by any loader are put in this order.
MENU_ORDER = _hospital["menu_order"]
# Sections home creates as StandardPages: the groups, and the leaves no category app owns yet.
HOME_GROUPS = _hospital["home_groups"]
HOME_OWNED = _hospital["home_owned"]
DEPARTMENTS = [(d["name"], d["kind"]) for d in _hospital["departments"]]


def section_text(path):
    """(title, intro, body) of a section in TREE by its path, e.g. "about/history"."""
    parts = path.split("/")
    for slug, title, intro, body_, children, _in_menu in TREE:
        if slug != parts[0]:
            continue
        if len(parts) == 1:
            return title, intro, body_
        for c_slug, c_title, c_intro, c_body in children:
            if c_slug == parts[1]:
                return c_title, c_intro, c_body
    raise KeyError(path)
