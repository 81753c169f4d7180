"""Smoke checks of the production stack that deploy/production-check.sh brought up (nginx → gunicorn →
PostgreSQL + Redis, production settings). Run only by `make production-check`."""

import http.client
import http.cookiejar
import json
import os
import re
import ssl
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASE = os.environ["CHECK_BASE"]  # https://127.0.0.1:8443
HTTP = os.environ["CHECK_HTTP"]  # http://127.0.0.1:8080
NO_REDIS = os.environ["CHECK_NOREDIS"]  # gunicorn with REDIS_URL on a closed port
APP = os.environ["CHECK_APP"]  # gunicorn itself, behind nginx's micro-cache
LOGS = Path(os.environ["TRAFFIC_LOG_DIR"])
FIXTURES = json.loads(Path(os.environ["CHECK_FIXTURES"]).read_text())
ISO_BANGKOK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")
TLS = ssl._create_unverified_context()  # noqa: S323 — the check's self-signed certificate


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def client():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=TLS), urllib.request.HTTPCookieProcessor(jar), NoRedirect
    )
    opener.jar = jar
    return opener


def fetch(url, opener=None, data=None, headers=None):
    """(status, headers, body) without following redirects; HTTP errors are answers too."""
    opener = opener or client()
    request = urllib.request.Request(
        url, data=data, headers={"User-Agent": "hodsite-production-check", **(headers or {})}
    )
    try:
        with opener.open(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def log_records(name, **match):
    records = []
    for line in (LOGS / name).read_text().splitlines():
        record = json.loads(line)
        if all(record.get(k) == v for k, v in match.items()):
            records.append(record)
    return records


def wait_for(predicate, seconds=5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


def manage(*args, timeout=180):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_plain_http_redirects_to_https():
    status, headers, _ = fetch(HTTP + "/news/?page=2")
    assert status == 301
    assert headers["Location"] == BASE + "/news/?page=2"


def test_home_over_https_with_security_headers():
    status, headers, body = fetch(BASE + "/")
    assert status == 200 and "โรงพยาบาลฮอด" in body.decode()
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert headers["Server"] == "nginx"  # no version


def test_anonymous_pages_come_from_the_page_cache_with_an_etag():
    # Django's own cache in Redis, asked directly (nginx's micro-cache in front would answer instead).
    # The first renders may create the site's settings rows, which purges the cache: ask three times.
    behind_nginx = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}
    responses = [fetch(APP + "/", headers=behind_nginx) for _ in range(3)]
    status, headers, _ = responses[-1]
    assert status == 200 and headers["X-Page-Cache"] == "hit"  # Redis, through Django (docs/operations.md#caching)
    assert headers["Cache-Control"] == "public, max-age=30"
    status, _, body = fetch(APP + "/", headers={**behind_nginx, "If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""
    # Through nginx too: a browser's copy is revalidated.
    _, headers, _ = fetch(BASE + "/")
    status, _, body = fetch(BASE + "/", headers={"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""


def test_private_document_file_is_never_served_from_disk():
    assert fetch(BASE + FIXTURES["private_document_file"])[0] == 404
    status, headers, _ = fetch(BASE + FIXTURES["private_document_url"])
    assert status == 302 and "/login/?next=/documents/" in headers["Location"]  # Wagtail asks for a sign-in


def test_original_images_are_not_served_but_renditions_are():
    assert fetch(BASE + FIXTURES["original_image"])[0] == 404
    status, headers, body = fetch(BASE + FIXTURES["rendition"])
    assert status == 200 and body.startswith(b"\x89PNG")
    assert "sandbox" in headers["Content-Security-Policy"] and headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_come_from_nginx():
    _, _, body = fetch(BASE + "/")
    css = re.search(r'href="(/static/[^"]+\.css)"', body.decode()).group(1)
    status, headers, _ = fetch(BASE + css)
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert "max-age=2592000" in headers["Cache-Control"]  # nginx's `expires 30d`, not WhiteNoise's


def test_oversized_upload_is_refused_by_nginx():
    # nginx answers on the announced length alone, before any of the body arrives.
    parts = urllib.parse.urlsplit(BASE)
    connection = http.client.HTTPSConnection(parts.hostname, parts.port, context=TLS, timeout=20)
    try:
        connection.putrequest("POST", "/search/")
        connection.putheader("Content-Type", "application/octet-stream")
        connection.putheader("Content-Length", str(26 * 1024 * 1024))
        connection.endheaders()
        assert connection.getresponse().status == 413
    finally:
        connection.close()


def test_healthz():
    status, headers, body = fetch(BASE + "/healthz")
    assert status == 200
    health = json.loads(body)
    assert health["database"] == "ok" and health["cache"] == "ok" and health["jobs"] in ("ok", "stale")
    assert "no-cache" in headers["Cache-Control"]


def test_each_request_writes_a_traffic_line():
    fetch(BASE + FIXTURES["page"] + "?q=private-words")

    def found():
        return log_records("access.log", path=FIXTURES["page"], status=200)

    assert wait_for(found)
    line = found()[-1]
    assert ISO_BANGKOK.match(line["time"]) and line["ip"] == "127.0.0.1" and line["method"] == "GET"
    assert line["bytes"] > 0 and line["user"] is None
    assert "private-words" not in (LOGS / "access.log").read_text()
    assert wait_for(lambda: log_records("nginx-access.log", path=FIXTURES["private_document_file"], status=404))


def test_sign_in_is_recorded_and_the_admin_asks_for_the_second_factor():
    opener = client()
    login = BASE + "/admin/login/"

    def post(password):
        _, _, body = fetch(login, opener)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode()).group(1)
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": FIXTURES["admin"], "password": password}
        )
        return fetch(login, opener, data=form.encode(), headers={"Referer": login})

    assert post("wrong-password-123")[0] == 200
    assert post(os.environ["CHECK_ADMIN_PASSWORD"])[0] == 302
    # The password alone does not open the admin: an account without an authenticator is sent to enrol.
    status, headers, _ = fetch(BASE + "/admin/", opener)
    assert status == 302 and "/admin/2fa/" in headers["Location"]
    assert wait_for(lambda: log_records("auth.log", event="login", username=FIXTURES["admin"]))
    failed = log_records("auth.log", event="login_failed", username=FIXTURES["admin"])
    assert failed and failed[-1]["ip"] == "127.0.0.1"
    user_id = log_records("auth.log", event="login")[-1]["user"]
    assert log_records("access.log", path="/admin/", user=user_id)
    assert "wrong-password-123" not in (LOGS / "auth.log").read_text()


def test_redis_down_pages_still_answer():
    headers = {"Host": "127.0.0.1:8443", "X-Forwarded-Proto": "https", "X-Forwarded-For": "192.0.2.1"}
    for path in ("/", FIXTURES["page"], "/search/?q=" + urllib.parse.quote("รายงาน")):
        assert fetch(NO_REDIS + path, headers=headers)[0] == 200, path
    status, _, body = fetch(NO_REDIS + "/healthz", headers=headers)
    assert status == 200 and json.loads(body)["cache"] == "degraded"


def test_logs_verify():
    result = manage("verify_logs")
    assert result.returncode == 0, result.stderr


def test_backup_and_restore_round_trip(tmp_path):
    if manage("help", "backup").returncode != 0:
        pytest.skip("manage.py backup is not on this branch yet (the backup work brings it)")
    result = manage("backup", "--dest", str(tmp_path))
    assert result.returncode == 0, result.stderr
    archive = result.stdout.strip().splitlines()[-1]
    assert Path(archive).exists()
    gone = manage("shell", "-c", "from wagtail.models import Page; Page.objects.get(slug='annual-report').delete()")
    assert gone.returncode == 0, gone.stderr
    assert fetch(BASE + FIXTURES["page"])[0] == 404
    restored = manage("restore", archive, "--yes", timeout=300)
    assert restored.returncode == 0, restored.stderr
    assert fetch(BASE + FIXTURES["page"])[0] == 200
    assert fetch(BASE + FIXTURES["rendition"])[0] == 200  # media came back too


def test_browser_journey_through_nginx():
    from playwright.sync_api import sync_playwright

    shots = ROOT / "test-results" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"]  # fmt: skip
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        try:
            page = browser.new_context(ignore_https_errors=True, locale="th-TH").new_page()
            page.set_default_timeout(20_000)
            page.goto(BASE + "/")
            page.fill("#site-search-q", "รายงาน")
            page.press("#site-search-q", "Enter")
            page.wait_for_url(re.compile(r"/search/"))
            page.get_by_role("link", name="รายงานผลการดำเนินงาน").first.click()
            page.wait_for_url(re.compile(re.escape(FIXTURES["page"])))
            assert page.get_by_role("link", name=re.compile("รายงานผลการดำเนินงานประจำปี")).count() >= 1
            assert page.locator("img[alt='อาคารผู้ป่วยนอกของโรงพยาบาลฮอด']").evaluate("i => i.naturalWidth") > 0
            page.screenshot(path=str(shots / "production-check-document-page.png"), full_page=True)
        finally:
            browser.close()
