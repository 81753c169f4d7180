"""Content-Security-Policy: strict with a nonce on public pages, the documented allowances in the admin."""

import re

from django.template import Context, Template
from django.test import RequestFactory

from home.security.csp import csp_nonce


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


def test_public_page_policy_is_strict_with_a_fresh_nonce(client, home_page):
    first = directives(client.get("/"))
    second = directives(client.get("/"))
    assert first["script-src"][0] == "'self'"
    nonce = first["script-src"][1]
    assert re.fullmatch(r"'nonce-[A-Za-z0-9_-]{20,}'", nonce)
    assert nonce != second["script-src"][1], "a new nonce for every response"
    assert "'unsafe-inline'" not in first["script-src"] and "'unsafe-eval'" not in first["script-src"]
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


def test_the_rendered_nonce_matches_the_header(client, home_page):
    """Every inline script in our public templates carries this response's nonce (none without one)."""
    response = client.get("/")
    nonce = directives(response)["script-src"][1][len("'nonce-") : -1]
    for tag in re.findall(r"<script\b[^>]*>", response.content.decode()):
        assert "src=" in tag or f'nonce="{nonce}"' in tag or 'type="application/json"' in tag, tag
