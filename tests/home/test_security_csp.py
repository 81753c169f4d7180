"""Content-Security-Policy: strict on public pages (own scripts only, no inline script, no nonce, so nginx
may share a page), the documented allowances in the admin."""

import re

from django.template import Context, Template
from django.test import RequestFactory

import pytest

from home.security.csp import csp_nonce


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


def test_public_page_policy_is_strict_and_the_same_for_every_response(client, home_page):
    first_response = client.get("/")
    first = directives(first_response)
    assert first["script-src"] == ["'self'"], "own script files only: no inline script, no eval, no nonce"
    assert client.get("/")["Content-Security-Policy"] == first_response["Content-Security-Policy"]
    assert first["object-src"] == ["'none'"]
    assert first["base-uri"] == ["'self'"]
    assert first["frame-ancestors"] == ["'self'"]
    assert first["form-action"] == ["'self'"]
    assert first["style-src"] == ["'self'"]


def test_search_and_404_pages_carry_the_policy(client, home_page):
    assert "Content-Security-Policy" in client.get("/search/?q=ยา")
    assert "Content-Security-Policy" in client.get("/no-such-page/")


def test_admin_policy_adds_only_the_documented_allowances(client, superuser):
    client.force_login(superuser)
    policy = directives(client.get("/admin/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"], "Wagtail's widgets' inline scripts; no eval, no host"
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert "blob:" in policy["img-src"]


def test_non_html_responses_have_no_policy(client, home_page):
    assert "Content-Security-Policy" not in client.get("/robots.txt")


def test_templates_can_give_an_inline_script_the_nonce(client):
    request = RequestFactory().get("/")
    request.csp_nonce = "abc123"
    html = Template('<script nonce="{{ csp_nonce }}">x()</script>').render(Context(csp_nonce(request)))
    assert html == '<script nonce="abc123">x()</script>'


@pytest.mark.parametrize("path", ["/", "/search/?q=ยา", "/no-such-page/"])
def test_public_pages_have_no_inline_script_and_no_nonce(client, home_page, settings, path):
    """The public policy allows no inline script: every script of a public page is a file of ours (a JSON
    data block is not run). The beacon's page marks it with a data attribute, not a script."""
    settings.VISITS_COUNT_BY = "beacon"
    html = client.get(path).content.decode()
    tags = re.findall(r"<script\b[^>]*>", html)
    assert tags, "site.js at least"
    for tag in tags:
        assert re.search(r'\ssrc="/static/', tag) or 'type="application/json"' in tag, tag
    assert "nonce=" not in html
    assert "on" + "load=" not in html and "on" + "click=" not in html
