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


@pytest.mark.skipif(not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()), reason="nginx not installed")
def test_nginx_accepts_the_rendered_site(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)  # fmt: skip
    (tmp_path / "site.conf").write_text(
        render(TLS_CERT=str(cert), TLS_KEY=str(key), LOG_DIR=str(tmp_path), HTTP_PORT="18080", HTTPS_PORT="18443")
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
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
