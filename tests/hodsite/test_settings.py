"""Settings: production refuses to start half-configured and passes Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import environ
import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_ENV = {
    "DJANGO_SETTINGS_MODULE": "hodsite.settings.production",
    "SECRET_KEY": "check-deploy-dummy-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ",
    "ALLOWED_HOSTS": "www.hodhospital.go.th",
    "DATABASE_URL": "sqlite:////tmp/hodsite-settings-test.sqlite3",
}


def manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in GOOD_ENV and k not in ("REDIS_URL", "EMAIL_URL")}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in GOOD_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_check_deploy_prints_no_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=GOOD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_uses_redis_and_email_url_when_given():
    env = dict(GOOD_ENV, REDIS_URL="redis://127.0.0.1:6379/3", EMAIL_URL="smtp+tls://user:pw@smtp.example.go.th:587")
    code = (
        "from django.conf import settings as s;"
        "print(s.CACHES['default']['BACKEND'], s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.SECURE_SSL_REDIRECT,"
        " s.SESSION_COOKIE_SECURE, s.LANGUAGE_CODE, s.TIME_ZONE, s.DATABASES['default']['CONN_HEALTH_CHECKS'])"
    )
    result = manage("shell", "-v", "0", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "operations.cache.ResilientRedisCache",
        "smtp.example.go.th",
        "587",
        "True",
        "True",
        "True",
        "th",
        "Asia/Bangkok",
        "True",
    ]


def test_database_url_selects_postgresql():
    config = environ.Env.db_url_config("postgres://postgres@127.0.0.1:5432/hodsite")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "hodsite"


def test_dev_defaults_are_thai_sqlite_and_local_memory_cache():
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND, s.LANGUAGE_CODE)",
        env={"DJANGO_SETTINGS_MODULE": "hodsite.settings.dev"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.mail.backends.console.EmailBackend",
        "th",
    ]


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("0", "0"), ("2", "2")])
def test_production_trusts_the_tls_proxy_for_client_addresses_unless_told_otherwise(given, expected):
    # Behind the TLS proxy REMOTE_ADDR is the proxy for everyone: rate limits, one survey vote a day and
    # unique visitors must key on the address the proxy saw, so production trusts one proxy by default.
    env = dict(GOOD_ENV, **({"TRUSTED_PROXY_COUNT": given} if given is not None else {}))
    result = manage(
        "shell", "-v", "0", "-c", "from django.conf import settings as s; print(s.TRUSTED_PROXY_COUNT)", env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [expected]
