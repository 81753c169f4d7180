"""The e-services' import graph points downwards (issue [6/6] Architecture): models import no views, the
complaint e-mails import neither the views nor the admin, the services do not borrow from each other,
nothing imports ``publishing``, and every tunable is read from settings."""

import ast
import importlib
from pathlib import Path

import pytest

import eservices
from eservices.models.routing import RegisteredViewsMixin

ROOT = Path(eservices.__file__).parent
# The demo loaders are moving to their own dev-only app; they are not part of the service code.
DEMO = {"demo.py", "complaints_demo.py", "survey_demo.py"}
MODULES = sorted(
    p for p in ROOT.rglob("*.py") if "migrations" not in p.parts and p.name not in DEMO and "__pycache__" not in p.parts
)


def module_name(path):
    return ".".join(("eservices", *path.relative_to(ROOT).with_suffix("").parts)).removesuffix(".__init__")


def imports_of(path):
    """Every module ``path`` imports, at the top or inside a function, as absolute names."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


GRAPH = {module_name(p): imports_of(p) for p in MODULES}


def test_the_graph_covers_the_service_packages():
    for name in ("eservices.complaints.views", "eservices.complaints.notify", "eservices.models.complaints"):
        assert name in GRAPH
    assert "eservices.complaints.rules" in GRAPH["eservices.models.complaints"]


def test_no_eservices_module_imports_publishing():
    offenders = {m for m, imported in GRAPH.items() if any(i.split(".")[0] == "publishing" for i in imported)}
    assert offenders == set()


def test_models_import_no_views_forms_admin_or_notify():
    upper = (".views", ".forms", ".admin", ".notify", ".report", ".exports", ".stats", ".middleware")
    offenders = {
        (m, i)
        for m, imported in GRAPH.items()
        if m.startswith("eservices.models")
        for i in imported
        if i.startswith("eservices.") and not i.startswith("eservices.models") and i.endswith(upper)
    }
    assert offenders == set()


def test_the_complaint_notify_service_imports_neither_views_nor_admin_nor_forms():
    imported = GRAPH["eservices.complaints.notify"]
    assert not any(i.startswith(("eservices.complaints.views", "eservices.complaints.admin")) for i in imported)
    assert not any(i.startswith("eservices.complaints.forms") for i in imported)
    assert "eservices.complaints.notify" in GRAPH["eservices.complaints.views"]
    assert "eservices.complaints.notify" in GRAPH["eservices.complaints.forms"]


@pytest.mark.parametrize(("service", "other"), [("complaints", "feedback"), ("feedback", "complaints")])
def test_complaints_and_feedback_do_not_borrow_from_each_other(service, other):
    offenders = {
        (m, i)
        for m, imported in GRAPH.items()
        if m.startswith(f"eservices.{service}.")
        for i in imported
        if i.startswith(f"eservices.{other}")
    }
    assert offenders == set()


def test_tunables_are_read_from_settings_not_defaulted_in_code():
    offenders = [p.name for p in MODULES if "getattr(settings" in p.read_text()]
    assert offenders == []


def test_every_route_of_an_eservice_page_has_its_view_registered():
    checked = 0
    for path in (ROOT / "models").glob("*.py"):
        module = importlib.import_module(module_name(path))
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.ClassDef):
                continue
            names = {
                call.args[0].value
                for call in ast.walk(node)
                if isinstance(call, ast.Call)
                and getattr(call.func, "attr", "") == "call_view"
                and isinstance(call.args[0], ast.Constant)
            }
            if not names:
                continue
            page_type = getattr(module, node.name)
            assert issubclass(page_type, RegisteredViewsMixin)
            assert names <= set(page_type.registered_views), node.name
            checked += len(names)
    assert checked >= 10  # complaint form, sent, tracking, statistics, xlsx; feedback ×2; survey ×3
