"""Traffic log (Computer Crime Act s.26) and sign-in events: the fields, and nothing secret."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hodsite.test_settings import GOOD_ENV

ROOT = Path(__file__).resolve().parents[2]
ISO_BANGKOK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")


def lines(caplog, logger):
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == logger]


@pytest.fixture
def access(caplog):
    caplog.set_level(logging.INFO, logger="hodsite.access")
    caplog.set_level(logging.INFO, logger="hodsite.auth")
    return caplog


def test_an_anonymous_request_is_logged_with_every_field(access, home_page, client):
    client.get("/?q=secret-search-words", REMOTE_ADDR="203.0.113.9")
    [line] = lines(access, "hodsite.access")
    assert ISO_BANGKOK.match(line["time"])
    assert line["ip"] == "203.0.113.9"
    assert line["method"] == "GET" and line["path"] == "/" and line["status"] == 200
    assert line["bytes"] > 1000 and line["user"] is None and line["ms"] >= 0
    assert "secret-search-words" not in json.dumps(line)


def test_a_signed_in_request_carries_the_user_id(access, superuser, client):
    client.force_login(superuser)
    client.get("/admin/")
    [line] = lines(access, "hodsite.access")
    assert line["user"] == superuser.pk and line["path"] == "/admin/"


def test_the_address_is_the_one_the_proxy_saw(access, home_page, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert lines(access, "hodsite.access")[0]["ip"] == "198.51.100.7"


def test_password_reset_tokens_and_posted_passwords_never_reach_the_logs(access, superuser, client):
    client.get("/admin/password_reset/confirm/MQ/cd1p3r-0123456789abcdef/")
    client.post("/admin/login/", {"username": "admin", "password": "wrong-secret-pass"})
    text = "\n".join(r.getMessage() for r in access.records)
    assert "/admin/password_reset/confirm/MQ/[redacted]" in text
    assert "0123456789abcdef" not in text and "wrong-secret-pass" not in text


def test_login_success_failure_and_logout_are_recorded(access, superuser, client):
    client.post("/admin/login/", {"username": "admin", "password": "not-the-password"}, REMOTE_ADDR="203.0.113.5")
    client.post("/admin/login/", {"username": "admin", "password": "admin-pass-123"}, REMOTE_ADDR="203.0.113.5")
    client.post("/admin/logout/", REMOTE_ADDR="203.0.113.5")
    events = lines(access, "hodsite.auth")
    assert [e["event"] for e in events] == ["login_failed", "login", "logout"]
    assert all(e["username"] == "admin" and e["ip"] == "203.0.113.5" for e in events)
    assert all(ISO_BANGKOK.match(e["time"]) for e in events)
    assert events[0].get("user") is None and events[1]["user"] == superuser.pk
    assert "not-the-password" not in json.dumps(events) and "admin-pass-123" not in json.dumps(events)


def test_production_writes_both_logs_to_files(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in GOOD_ENV and k != "REDIS_URL"}
    env.update(GOOD_ENV, TRAFFIC_LOG_DIR=str(tmp_path))
    code = "import logging; logging.getLogger('hodsite.access').info('{\"a\":1}'); logging.getLogger('hodsite.auth').info('{\"b\":2}')"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "access.log").read_text() == '{"a":1}\n'
    assert (tmp_path / "auth.log").read_text() == '{"b":2}\n'


def test_a_streamed_file_counts_its_length_and_a_broken_line_never_breaks_the_page(access, rf, monkeypatch):
    from django.contrib.auth.models import AnonymousUser
    from django.http import FileResponse, HttpResponse

    from operations import traffic

    request = rf.get("/documents/1/report.pdf", REMOTE_ADDR="203.0.113.9")
    request.user = AnonymousUser()
    response = traffic.AccessLogMiddleware(lambda r: FileResponse(io.BytesIO(b"x" * 1234)))(request)
    assert response.streaming
    [line] = lines(access, "hodsite.access")
    assert line["bytes"] == 1234 and line["path"] == "/documents/1/report.pdf"

    monkeypatch.setattr(traffic, "client_ip", lambda r: 1 / 0)
    response = traffic.AccessLogMiddleware(lambda r: HttpResponse("ok"))(request)
    assert response.status_code == 200
    assert any(r.name == "hodsite.operations" and r.levelname == "ERROR" for r in access.records)
