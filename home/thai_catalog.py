"""Measure and build the project's Thai supplement to Wagtail's own catalogs.

Wagtail 8 ships Thai catalogs that translate only about half of its admin strings. The German
catalogs are complete, so they serve as the list of every msgid Wagtail shows. This module finds
the msgids that have no Thai translation in Wagtail's own catalogs, keeps our translations of them
in ``locale/wagtail/src/<part>.po`` (one file per Wagtail app, easy to review), and builds the
catalogs Django reads: ``locale/wagtail/th/LC_MESSAGES/django.po`` and ``djangojs.po`` with their
compiled ``.mo`` files. ``manage.py wagtail_thai`` is the command-line face of this module.
"""

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

import polib

REPO_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = REPO_DIR / "locale"
WAGTAIL_LOCALE_DIR = LOCALE_DIR / "wagtail"
SOURCE_DIR = WAGTAIL_LOCALE_DIR / "src"
OUTPUT_DIR = WAGTAIL_LOCALE_DIR / "th" / "LC_MESSAGES"

# Placeholders that must survive translation: %(name)s, %s, %d, {name}, {0}, and HTML tags.
PLACEHOLDER_RE = re.compile(r"%\([^)]+\)[sdifr]|%[sdifr]|\{[A-Za-z0-9_]*\}|</?[a-zA-Z][^>]*>")


def _package_dir(name):
    spec = importlib.util.find_spec(name)
    return Path(spec.origin).parent


def wagtail_catalogs():
    """Yield ``(part, domain, german_path, thai_path)`` for every German catalog Wagtail ships."""
    roots = [("wagtail", _package_dir("wagtail")), ("wagtail_modeladmin", _package_dir("wagtail_modeladmin"))]
    for package, root in roots:
        for german in sorted(root.rglob("locale/de/LC_MESSAGES/*.po")):
            app_dir = german.parents[3]
            rel = app_dir.relative_to(root).as_posix()
            if package == "wagtail":
                part = "core" if rel == "." else rel.replace("contrib/", "").replace("/", "-")
            else:
                part = "modeladmin"
            domain = german.stem
            if domain == "djangojs":
                part += "-js"
            thai = german.parents[2] / "th" / "LC_MESSAGES" / german.name
            yield part, domain, german, thai


def entry_key(entry):
    return (entry.msgctxt or "", entry.msgid)


def is_translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(v for v in entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _translated_keys(paths):
    keys = set()
    for path in paths:
        if path.exists():
            keys.update(entry_key(e) for e in polib.pofile(str(path)) if is_translated(e))
    return keys


@dataclass
class Gap:
    part: str
    domain: str
    msgctxt: str
    msgid: str
    msgid_plural: str
    occurrences: list


def wagtail_gaps():
    """Every msgid of the German catalogs that Wagtail's own Thai catalogs leave untranslated."""
    catalogs = list(wagtail_catalogs())
    wagtail_thai = {
        domain: _translated_keys([c[3] for c in catalogs if c[1] == domain]) for domain in ("django", "djangojs")
    }
    seen = set()
    gaps = []
    for part, domain, german, _thai in catalogs:
        for entry in polib.pofile(str(german)):
            if entry.obsolete or not entry.msgid:
                continue
            key = (domain, *entry_key(entry))
            if key in seen or entry_key(entry) in wagtail_thai[domain]:
                continue
            seen.add(key)
            gaps.append(
                Gap(part, domain, entry.msgctxt or "", entry.msgid, entry.msgid_plural or "", entry.occurrences)
            )
    return gaps


def project_translations(domain):
    """The project's Thai translations for one domain, keyed by (msgctxt, msgid)."""
    built = OUTPUT_DIR / f"{domain}.po"
    if not built.exists():
        return {}
    return {entry_key(e): e for e in polib.pofile(str(built)) if is_translated(e)}


def missing(domain=None):
    """Gaps that neither Wagtail nor the project translates (the number that must be zero)."""
    result = []
    cache = {}
    for gap in wagtail_gaps():
        if domain and gap.domain != domain:
            continue
        if gap.domain not in cache:
            cache[gap.domain] = project_translations(gap.domain)
        if (gap.msgctxt, gap.msgid) not in cache[gap.domain]:
            result.append(gap)
    return result


def placeholders(text):
    return sorted(PLACEHOLDER_RE.findall(text or ""))


def placeholder_errors(entry):
    """Translations that drop or invent a placeholder or an HTML tag of their msgid."""
    errors = []
    if entry.msgid_plural:
        wanted = placeholders(entry.msgid_plural)
        wanted_single = placeholders(entry.msgid)
        for text in entry.msgstr_plural.values():
            got = placeholders(text)
            # Thai has one plural form, which stands for both; it may use the plural's placeholders
            # or the singular's (a count-less singular is common in English).
            if got != wanted and got != wanted_single and set(got) - set(wanted) - set(wanted_single):
                errors.append((entry.msgid, text))
            elif got != wanted and got != wanted_single and set(wanted) - set(got) - {"%(count)s", "{count}"}:
                errors.append((entry.msgid, text))
    elif entry.msgstr and placeholders(entry.msgid) != placeholders(entry.msgstr):
        errors.append((entry.msgid, entry.msgstr))
    return errors


def new_po(domain):
    po = polib.POFile(wrapwidth=100)
    po.metadata = {
        "Project-Id-Version": "hodsite Wagtail Thai supplement",
        "Language": "th",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    return po


def write_sources(gaps):
    """Add entries for new gaps to ``src/<part>.po`` (untranslated) without touching existing ones."""
    SOURCE_DIR.mkdir(parents=True, exist_ok=True)
    already = set()
    for path in SOURCE_DIR.glob("*.po"):
        already.update((source_domain(path), *entry_key(e)) for e in polib.pofile(str(path)))
    gaps = [g for g in gaps if (g.domain, g.msgctxt, g.msgid) not in already]
    added = 0
    by_part = {}
    for gap in gaps:
        by_part.setdefault(gap.part, []).append(gap)
    for part, part_gaps in by_part.items():
        path = SOURCE_DIR / f"{part}.po"
        po = polib.pofile(str(path), wrapwidth=100) if path.exists() else new_po(part_gaps[0].domain)
        existing = {entry_key(e) for e in po}
        for gap in part_gaps:
            if (gap.msgctxt, gap.msgid) in existing:
                continue
            entry = polib.POEntry(
                msgid=gap.msgid,
                msgctxt=gap.msgctxt or None,
                msgid_plural=gap.msgid_plural or "",
                msgstr="" if not gap.msgid_plural else "",
                occurrences=gap.occurrences,
            )
            if gap.msgid_plural:
                entry.msgstr_plural = {0: ""}
            po.append(entry)
            added += 1
        po.save(str(path))
    return added


def source_domain(path):
    return "djangojs" if path.stem.endswith("-js") else "django"


PROJECT_APPS = ["home", "disclosure", "procurement", "manuals", "publishing", "eservices"]


def project_catalogs():
    """Our own Thai catalogs: ``locale/th`` and each project app's ``<app>/locale/th``."""
    paths = sorted((LOCALE_DIR / "th" / "LC_MESSAGES").glob("*.po"))
    for app in PROJECT_APPS:
        paths += sorted((REPO_DIR / app / "locale" / "th" / "LC_MESSAGES").glob("*.po"))
    return paths


def compile_project_catalog():
    """Compile our own catalogs (``project_catalogs``) without needing gettext's msgfmt."""
    compiled = []
    for po_path in project_catalogs():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        compiled.append(str(po_path.relative_to(REPO_DIR)))
    return compiled


def build():
    """Merge ``src/*.po`` into the two catalogs Django reads and compile them."""
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    results = {}
    for domain in ("django", "djangojs"):
        out = new_po(domain)
        seen = set()
        for path in sorted(SOURCE_DIR.glob("*.po")):
            if source_domain(path) != domain:
                continue
            for entry in polib.pofile(str(path)):
                if not is_translated(entry) or entry_key(entry) in seen:
                    continue
                seen.add(entry_key(entry))
                out.append(entry)
        out.save(str(OUTPUT_DIR / f"{domain}.po"))
        out.save_as_mofile(str(OUTPUT_DIR / f"{domain}.mo"))
        results[domain] = len(out)
    return results
