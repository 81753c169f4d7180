"""The dependency rules of DESIGN.md, read from the code itself ([6/6]).

Every ``.py`` of each app (migrations aside) is parsed with ``ast`` and its absolute imports compared
with the rules: category apps use only ``home``; the process apps do not use each other or a category
app; ``home`` uses none of ours; ``operations`` only ``home``; ``importer`` only ``home`` (and Wagtail: it
creates pages of the category apps by looking their models up by name); only demo code and tests import
``demo``; no module passes 800 lines.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUR_APPS = {
    "home",
    "disclosure",
    "procurement",
    "manuals",
    "publishing",
    "eservices",
    "operations",
    "importer",
    "hodsite",
    "demo",
}
CATEGORY_APPS = {"disclosure", "procurement", "manuals"}
PROCESS_APPS = {"publishing", "eservices"}
CHECKED_APPS = ["home", *sorted(CATEGORY_APPS), *sorted(PROCESS_APPS), "operations", "importer", "hodsite"]
# What each app other than hodsite may import of ours, stated once (itself is always allowed).
ALLOWED = {
    **{app: {"home"} for app in CATEGORY_APPS},
    **{app: {"home"} for app in PROCESS_APPS},
    "home": set(),
    "operations": {"home"},
    # The go-live importer creates category pages through home's base page and apps.get_model, never by import.
    "importer": {"home"},
}
MAX_LINES = 800


def allowed_imports(app):
    """Which of our apps ``app`` may import (itself always)."""
    if app in ALLOWED:
        return {app, *ALLOWED[app]}
    return OUR_APPS - {"demo"}  # hodsite wires everything together (urls, settings), but not the demo


def modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.relative_to(ROOT).parts:
            continue
        yield path


def imported_apps(path):
    """The top-level packages ``path`` imports absolutely, with the line of each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], node.lineno


def violations(app):
    allowed = allowed_imports(app)
    found = []
    for path in modules(app):
        for package, line in imported_apps(path):
            if package in OUR_APPS and package not in allowed:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {package}")
    return found


def test_every_checked_app_has_modules():
    # The rules mean something only if the walk finds the code.
    for app in CHECKED_APPS:
        assert any(modules(app)), app


@pytest.mark.parametrize("app", sorted(CATEGORY_APPS))
def test_category_apps_import_only_home(app):
    assert violations(app) == []


@pytest.mark.parametrize("app", sorted(PROCESS_APPS))
def test_process_apps_import_neither_each_other_nor_a_category_app(app):
    assert violations(app) == []


def test_home_imports_none_of_our_other_apps():
    assert violations("home") == []


def test_operations_imports_only_home():
    assert violations("operations") == []


def test_importer_imports_only_home():
    assert violations("importer") == []
    assert allowed_imports("importer") == {"importer", "home"}


def test_only_demo_code_and_tests_import_demo():
    found = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {"demo", "tests", ".venv"} or "migrations" in relative.parts:
            continue
        found += [f"{relative}:{line}" for package, line in imported_apps(path) if package == "demo"]
    assert found == []


def test_no_module_passes_800_lines():
    long = []
    for app in [*CHECKED_APPS, "demo"]:
        for path in modules(app):
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES:
                long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert long == []


def test_the_rules_catch_a_forbidden_import(tmp_path):
    # A module importing another category app is reported (the parser reads what the rules need).
    source = tmp_path / "module.py"
    source.write_text(
        "import os\nfrom disclosure.models import LawPage\nfrom . import sibling\nimport manuals.blocks\n"
    )
    assert list(imported_apps(source)) == [("os", 1), ("disclosure", 2), ("manuals", 4)]
    assert "disclosure" not in allowed_imports("procurement")
    assert "manuals" not in allowed_imports("publishing") and "eservices" not in allowed_imports("publishing")
