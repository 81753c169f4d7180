"""The demo stays out of the product: production never installs it and no product module imports it."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Folders that are not the product's source: the demo itself, the tests, and tooling.
NOT_PRODUCT = {"demo", "tests", ".venv", "node_modules", "media", "static", "build"}


def installed_apps(settings_module):
    """INSTALLED_APPS of a settings module, read in a fresh interpreter with the environment production needs."""
    env = {
        **os.environ,
        "SECRET_KEY": "boundary-test-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ",
        "ALLOWED_HOSTS": "www.hodhospital.go.th",
        "DATABASE_URL": "sqlite:////tmp/hodsite-boundary-test.sqlite3",
    }
    code = f"import json, importlib; print(json.dumps(importlib.import_module({settings_module!r}).INSTALLED_APPS))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def is_demo(module):
    return module == "demo" or module.startswith("demo.")


def demo_imports(source):
    """The ``demo`` modules a Python source imports (absolute imports only; ``demo`` is a top-level app)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if is_demo(alias.name)]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and is_demo(node.module):
            found.append(node.module)
    return found


def product_sources():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in NOT_PRODUCT or relative.parts[0].startswith("."):
            continue
        yield relative, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("module", ["hodsite.settings.production", "hodsite.settings.base"])
def test_production_and_base_settings_do_not_install_the_demo(module):
    apps = installed_apps(module)
    assert "home" in apps  # the settings were really read
    assert not [app for app in apps if is_demo(app) or app.endswith("DemoConfig")]


def test_dev_and_test_settings_install_the_demo():
    assert "demo" in installed_apps("hodsite.settings.dev")
    assert "demo" in settings.INSTALLED_APPS  # these tests run with hodsite.settings.test


def test_no_product_module_imports_the_demo():
    sources = list(product_sources())
    assert any(str(relative) == "home/models/__init__.py" for relative, _source in sources)  # the walk sees the apps
    offenders = {str(relative): found for relative, source in sources if (found := demo_imports(source))}
    assert offenders == {}


def test_the_import_check_catches_every_form_of_import():
    source = "import demo\nimport demo.media as m\nfrom demo.loaders import hospital\nfrom demo import content\n"
    assert demo_imports(source) == ["demo", "demo.media", "demo.loaders", "demo"]
    assert demo_imports("import demonstration\nfrom home import demo_helpers\nfrom . import demo\n") == []
