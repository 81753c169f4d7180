"""Every Wagtail admin string has Thai, and no translation breaks a placeholder ([6/6])."""

from django.utils import translation

import polib
import pytest

from home import thai_catalog


def test_every_wagtail_msgid_has_a_thai_translation():
    missing = thai_catalog.missing()
    assert missing == [], f"{len(missing)} Wagtail msgids lack Thai, e.g. {[g.msgid for g in missing[:5]]}"


def test_german_catalogs_are_the_yardstick():
    # The measure only means something if it finds the catalogs: admin, core, images, users, …
    parts = {part for part, *_ in thai_catalog.wagtail_catalogs()}
    assert {
        "admin",
        "admin-js",
        "core",
        "images",
        "users",
        "documents",
        "snippets",
        "locales",
        "forms",
        "redirects",
        "search_promotions",
        "settings",
        "table_block",
        "modeladmin",
    } <= parts
    assert len(thai_catalog.wagtail_gaps()) > 500


@pytest.mark.parametrize(
    "path",
    sorted(thai_catalog.SOURCE_DIR.glob("*.po"))
    + sorted((thai_catalog.LOCALE_DIR / "th" / "LC_MESSAGES").glob("*.po")),
    ids=lambda p: p.name,
)
def test_translations_keep_placeholders_and_tags(path):
    errors = []
    for entry in polib.pofile(str(path)):
        if thai_catalog.is_translated(entry):
            errors.extend(thai_catalog.placeholder_errors(entry))
    assert errors == []


def test_compiled_catalogs_match_their_sources():
    for po_path in list(thai_catalog.OUTPUT_DIR.glob("*.po")) + list(
        (thai_catalog.LOCALE_DIR / "th" / "LC_MESSAGES").glob("*.po")
    ):
        mo_path = po_path.with_suffix(".mo")
        assert mo_path.exists(), f"{mo_path} missing: run manage.py wagtail_thai --build"
        po = {
            (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
            for e in polib.pofile(str(po_path))
            if thai_catalog.is_translated(e)
        }
        mo = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(mo_path)) if e.msgid}
        assert po == mo, f"{mo_path.name} is stale: run manage.py wagtail_thai --build"


def test_django_uses_the_project_translation_for_workflow_words():
    with translation.override("th"):
        assert translation.gettext("Request changes") == "ขอให้แก้ไข"
        assert translation.gettext("Workflow") == "ขั้นตอนการอนุมัติ"


def test_project_catalogs_translate_every_msgid():
    for path in thai_catalog.project_catalogs():
        untranslated = [
            e.msgid for e in polib.pofile(str(path)) if not e.obsolete and not thai_catalog.is_translated(e)
        ]
        assert untranslated == [], f"{path}: {untranslated[:5]}"


def test_a_msgid_means_the_same_in_every_project_catalog():
    # All catalogs share one gettext domain: Django merges them and the first one wins (locale/th, then
    # apps in INSTALLED_APPS order). A msgid translated differently in two apps therefore shows the other
    # app's Thai in one of them ("History" of an organisation page on the complaint case screen). Words
    # that need different Thai in different places take a context (pgettext).
    seen = {}
    clashes = []
    for path in thai_catalog.project_catalogs():
        if path.stem != "django":
            continue
        for entry in polib.pofile(str(path)):
            if not entry.msgstr or entry.obsolete:
                continue
            key = (entry.msgctxt, entry.msgid)
            first = seen.setdefault(key, (path, entry.msgstr))
            if first[1] != entry.msgstr:
                clashes.append(
                    f"{entry.msgid!r}: {first[1]} ({first[0].relative_to(thai_catalog.REPO_DIR)}) ≠ {entry.msgstr} ({path.relative_to(thai_catalog.REPO_DIR)})"
                )
    assert clashes == []
