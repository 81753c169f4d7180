"""Browser journeys: the demo hospital served as `make run` serves it, driven by Debian's Chromium.

A session-scoped server runs in its own process on its own database (a SQLite file, or a separate
PostgreSQL database when DATABASE_URL points at PostgreSQL), built with `migrate` and
`load_demo_data` exactly as a new user's first `make run` builds it.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
SCREENSHOTS = ROOT / "test-results" / "screenshots"
# The environment the server runs with (its database and media), for journeys that run a command against it.
SERVER_ENV = {}


# tryfirst: xdist reads the group marks in its own collection hook, and this conftest may be loaded (as an
# initial conftest) before xdist's worker plugin, which would otherwise run first and see no marks.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # one xdist worker runs every journey against one demo site (`make test` runs `-n 2 --dist loadgroup`)
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.hookimpl(trylast=True, specname="pytest_collection_modifyitems")
def check_journeys_are_grouped(config, items):
    """Under `--dist loadgroup` xdist renames grouped tests to `<nodeid>@<group>`. When a pytest/xdist pairing
    silently stops doing that, the journeys spread over both workers: stop the run instead."""
    if config.getoption("loadgroup", default=False):
        stray = [item.nodeid for item in items if "tests/browser" in str(item.fspath) and "@" not in item.nodeid]
        if stray:
            raise pytest.UsageError(f"pytest-xdist did not group the browser journeys (e.g. {stray[0]})")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url(tmp):
    outer = os.environ.get("DATABASE_URL", "")
    if outer.startswith(("postgres://", "postgresql://")):
        import psycopg

        parsed = urlparse(outer)
        # one database per xdist worker, so two workers can never migrate the same one
        worker = os.environ.get("PYTEST_XDIST_WORKER", "")
        name = f"{parsed.path.lstrip('/') or 'hodsite'}_browser{('_' + worker) if worker else ''}"
        admin_url = parsed._replace(path="/postgres").geturl()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return parsed._replace(path=f"/{name}").geturl()
    return f"sqlite:///{tmp / 'browser.sqlite3'}"


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """Base URL of a server running the demo hospital."""
    tmp = tmp_path_factory.mktemp("site")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="hodsite.settings.dev",
        DATABASE_URL=_database_url(tmp),
        MEDIA_ROOT=str(tmp / "media"),
        PYTHONUNBUFFERED="1",
    )
    SERVER_ENV.update(env)
    manage = [sys.executable, "manage.py"]
    for args, extra in ((["migrate", "--noinput"], {}), (["load_demo_data"], {"DEBUG": "True"})):
        result = subprocess.run(
            manage + args, cwd=ROOT, env={**env, **extra}, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stdout + result.stderr
    port = _free_port()
    # DEBUG off, as in production: friendly error pages, no debug toolbar; media served for the test.
    # Visits counted by the page's beacon, as production counts them behind nginx's micro-cache.
    server_env = {**env, "DEBUG": "False", "SERVE_MEDIA": "True", "VISITS_COUNT_BY": "beacon"}
    log = open(tmp / "server.log", "w")  # noqa: SIM115 — closed at teardown
    proc = subprocess.Popen(manage + ["runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
                            cwd=ROOT, env=server_env, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=2)  # noqa: S310 — our own local server
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError((tmp / "server.log").read_text()) from None
            time.sleep(0.3)
    yield base
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


# Module scope, not session: Playwright's sync API keeps an asyncio loop running in the main thread while it
# is started, and Django refuses database work under a running loop (SynchronousOnlyOperation). The
# journeys share one xdist worker with other tests; stopping Playwright after each journey file lets the
# database tests that follow on that worker run normally.
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="th-TH", is_mobile=True, has_touch=True
    )
    pg = context.new_page()
    yield pg
    context.close()


# The last TOTP time step used per demo account: a code is accepted once, so a second sign-in of the same
# account within 30 seconds uses the next step's code (the device accepts one step of drift).
_last_step = {}


def enter_two_factor(pg, username):
    """After the password: the 6-digit code of the demo accounts' known key (demo/two_factor.py), as the
    demo user's authenticator app would show it; then the admin opens."""
    from django_otp.oath import totp

    from demo.two_factor import DEMO_OTP_KEY

    pg.wait_for_url(re.compile(r"/admin/2fa/verify/"))
    now = int(time.time()) // 30
    step = max(now, _last_step.get(username, now - 1) + 1)
    if step > now + 1:
        time.sleep(30 - time.time() % 30 + 0.5)
        now, step = now + 1, now + 2
    _last_step[username] = step
    code = totp(bytes.fromhex(DEMO_OTP_KEY), step=30, t0=0, digits=6, drift=step - now)
    pg.fill("#id_code", f"{code:06d}")
    pg.locator("form.login-form button[type=submit]").click()
    pg.wait_for_url(re.compile(r"/admin/(?!2fa/)"))


def screenshot(pg, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
