"""The files of deploy/ that operators install: rendered without leftovers, valid for nginx, consistent."""

import os
import re
import runpy
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def render(**env):
    result = subprocess.run(
        [str(DEPLOY / "render-nginx.sh")], env={**os.environ, **env}, capture_output=True, text=True, check=True
    )
    return result.stdout


def test_rendered_site_has_no_placeholders_and_keeps_media_private():
    site = render(SERVER_NAME="www.hodhospital.go.th")
    assert not re.search(r"@[A-Z_]+@", site)
    assert "return 301 https://$host$request_uri;" in site  # port 443: no suffix
    assert "alias /srv/hodsite/media/images/;" in site
    assert re.search(r"location \^~ /media/documents/ \{\s*return 404;", site)
    assert re.search(r"location \^~ /media/original_images/ \{\s*return 404;", site)
    assert re.search(r"location \^~ /media/ \{\s*return 404;", site)
    # the only aliases into the media folder are the renditions
    assert re.findall(r"alias (\S+);", site) == ["/srv/hodsite/static/", "/srv/hodsite/media/images/"]
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in site
    assert "client_max_body_size 25m;" in site


def test_other_https_port_is_kept_in_the_redirect():
    assert "return 301 https://$host:8443$request_uri;" in render(HTTPS_PORT="8443")


def test_pages_are_micro_cached_and_purged_only_from_this_host():
    site = render()
    assert "proxy_cache_path /var/cache/nginx/hodsite " in site and "keys_zone=hodsite_pages:" in site
    page_location = site[site.index("    location / {\n        proxy_pass") :]
    for line in (
        "proxy_cache hodsite_pages;",
        "proxy_cache_key $host$request_uri;",
        "proxy_cache_bypass $hodsite_uncached_path $hodsite_has_credentials;",
        "proxy_no_cache $hodsite_uncached_path $hodsite_has_credentials;",
        "proxy_cache_lock on;",
        "proxy_cache_use_stale updating error timeout",
        "add_header X-Cache-Status $upstream_cache_status always;",
    ):
        assert line in page_location, line
    assert not re.search(r"^\s*proxy_cache_valid", site, re.M), "only what Django marks public, for Django's max-age"
    assert re.findall(r"^\s*proxy_ignore_headers (.*);", site, re.M) == ["Vary"], "Set-Cookie, Cache-Control honoured"
    assert '"$cookie_sessionid$cookie_messages$http_authorization"' in site
    uncached = re.search(r"map \$uri \$hodsite_uncached_path \{(.*?)\}", site, re.S).group(1)
    for name in ("admin", "search", "documents", "v", "healthz"):
        assert re.search(rf"[(|]{name}[|)]", uncached), name
    purge_server = site[site.index("listen 127.0.0.1:8081;") :]
    assert "allow 127.0.0.1;" in purge_server and "deny all;" in purge_server
    assert "proxy_cache_purge hodsite_pages $host$request_uri;" in purge_server
    assert "listen 127.0.0.1:9081;" in render(PURGE_PORT="9081")


PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


@pytest.mark.skipif(not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()), reason="nginx not installed")
@pytest.mark.skipif(not PURGE_MODULE.exists(), reason="libnginx-mod-http-cache-purge not installed")
def test_nginx_accepts_the_rendered_site(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)  # fmt: skip
    (tmp_path / "site.conf").write_text(
        render(
            TLS_CERT=str(cert),
            TLS_KEY=str(key),
            LOG_DIR=str(tmp_path),
            HTTP_PORT="18080",
            HTTPS_PORT="18443",
            CACHE_DIR=str(tmp_path / "cache"),
            PURGE_PORT="18081",
        )  # fmt: skip
    )
    (tmp_path / "nginx.conf").write_text(
        f"load_module {PURGE_MODULE}; pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
        f"http {{ include /etc/nginx/mime.types; include {tmp_path}/site.conf; }}\n"
    )
    result = subprocess.run(
        [nginx, "-e", str(tmp_path / "error.log"), "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-t"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_gunicorn_config_defaults_to_the_socket_nginx_uses(monkeypatch):
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["bind"] == "unix:/run/hodsite/gunicorn.sock" and config["wsgi_app"] == "hodsite.wsgi:application"
    assert config["workers"] == (os.cpu_count() or 1) * 2 + 1
    assert "unix:/run/hodsite/gunicorn.sock" in render()


def test_units_run_the_commands_that_exist():
    from django.core.management import get_commands

    commands = get_commands()
    for unit in (DEPLOY / "systemd").glob("*.service"):
        for command in re.findall(r"manage\.py (\w+)", unit.read_text()):
            assert command in commands, f"{unit.name}: {command}"
    assert "RuntimeDirectory=hodsite" in (DEPLOY / "systemd" / "hodsite-web.service").read_text()


def test_logrotate_keeps_files_for_seal_logs_to_expire():
    config = (DEPLOY / "logrotate" / "hodsite").read_text()
    assert "dateext" in config and "\n    compress" in config and "\n    delaycompress" not in config
    assert int(re.search(r"rotate (\d+)", config).group(1)) >= 90
