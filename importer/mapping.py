"""The mapping file of ``import_wordpress``: where posts and pages of the former site go, and who owns them.

TOML, read with ``tomllib``; every problem is reported at once, in Thai, naming the key (docs/importer.md)::

    old_site = "https://www.hodhospital.go.th"   # optional: links to it become addresses on this site
    collection = "เว็บไซต์เดิม"                    # optional: the collection imported files go to

    [posts]                     # every published post, unless a category below says otherwise
    parent = "/news/"           # the section (address or page id) they go under
    owner_unit = "งานประชาสัมพันธ์"
    fields = { category = "news" }   # optional: values for fields of the page type

    [pages]                     # WordPress pages become standard pages under this page
    parent = "/about/"

    [categories.announcement]   # by the category's slug (nicename) or its name in WordPress
    parent = "/news/"
    owner_unit = "กลุ่มงานบริหารทั่วไป"
    fields = { category = "announcement" }
    # skip = true               # posts in this category are not imported
"""

import tomllib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from home.models import Department, ItemPage, StandardPage

from .pages import find_page, item_model_for


class MappingError(Exception):
    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Target:
    parent: object
    model: type
    owner_unit: object = None
    fields: dict = field(default_factory=dict)
    skip: bool = False
    label: str = ""


@dataclass
class Mapping:
    old_site: str
    collection: str
    posts: Target
    pages: Target
    categories: dict  # nicename or name -> Target

    def for_post(self, categories):
        """The target of a post: its first mapped category's, else the default."""
        for nicename, name in categories:
            for key in (nicename, name):
                if key in self.categories:
                    return self.categories[key]
        return self.posts


def _target(table, where, problems, item_pages, defaults=None):
    defaults = defaults or {}
    if table.get("skip"):
        return Target(parent=None, model=None, skip=True, label=where)
    address = table.get("parent", defaults.get("parent"))
    parent = find_page(address) if address else None
    if parent is None:
        problems.append(
            _("%(where)s: parent: no page at “%(address)s” on this site.") % {"where": where, "address": address or "—"}
        )
        return None
    if item_pages:
        model = item_model_for(parent)
        if model is None:
            problems.append(
                _("%(where)s: parent: “%(title)s” does not take item pages; choose a section such as the news.")
                % {"where": where, "title": parent.title}
            )
            return None
    else:
        model = StandardPage
        if StandardPage not in parent.specific_class.allowed_subpage_models():
            problems.append(
                _("%(where)s: parent: standard pages cannot go under “%(title)s”.")
                % {"where": where, "title": parent.title}
            )
            return None
    unit = None
    unit_name = table.get("owner_unit", defaults.get("owner_unit"))
    if issubclass(model, ItemPage):
        unit = Department.objects.filter(name=unit_name).first() if unit_name else None
        if unit is None:
            problems.append(
                _("%(where)s: owner_unit: no unit named “%(name)s” (see Settings › Departments).")
                % {"where": where, "name": unit_name or "—"}
            )
            return None
    fields = {**defaults.get("fields", {}), **table.get("fields", {})}
    for name in fields:
        if not any(f.name == name for f in model._meta.get_fields()):
            problems.append(
                _("%(where)s: fields: %(model)s has no field “%(name)s”.")
                % {"where": where, "model": model._meta.verbose_name, "name": name}
            )
    return Target(parent=parent, model=model, owner_unit=unit, fields=fields, label=where)


def load_mapping(path):
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise MappingError([_("Cannot read the mapping file: %(error)s") % {"error": error}]) from error
    except tomllib.TOMLDecodeError as error:
        raise MappingError([_("The mapping file is not valid TOML: %(error)s") % {"error": error}]) from error
    problems = []
    posts_table = data.get("posts", {})
    posts = _target(posts_table, "[posts]", problems, item_pages=True)
    pages = _target(data.get("pages", {}), "[pages]", problems, item_pages=False)
    categories = {}
    for key, table in data.get("categories", {}).items():
        target = _target(table, f"[categories.{key}]", problems, item_pages=True, defaults=posts_table)
        if target is not None:
            categories[key] = target
    if problems:
        raise MappingError(problems)
    return Mapping(
        old_site=str(data.get("old_site", "")).rstrip("/"),
        collection=str(data.get("collection", "")),
        posts=posts,
        pages=pages,
        categories=categories,
    )
