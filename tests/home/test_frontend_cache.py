"""Purging nginx's micro-cache on publication (home/frontend_cache.py): the page, its ancestors and home, after
the transaction commits; a page nginx never kept (404) or an unreachable nginx never breaks publishing."""

import io
from urllib.error import HTTPError, URLError

import pytest

from home import frontend_cache
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def purges(settings, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "home.frontend_cache.NginxPurgeBackend", "LOCATION": "http://127.0.0.1:8081"}
    }
    sent = []

    def urlopen(request, timeout):
        sent.append((request.get_method(), request.full_url, request.get_header("Host"), timeout))
        return io.BytesIO(b"")

    monkeypatch.setattr(frontend_cache, "urlopen", urlopen)
    return sent


def test_publishing_purges_the_page_its_ancestors_and_home_after_commit(
    home_page, purges, django_capture_on_commit_callbacks
):
    section = add_page(home_page, title="ข่าวประชาสัมพันธ์", slug="news")
    item = add_page(section, title="ข่าวรับบริจาคโลหิต", slug="blood", publish=False)
    purges.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        item.save_revision().publish()
    ours_before_commit = {url for _method, url, _host, _timeout in purges}
    assert "http://127.0.0.1:8081/news/" not in ours_before_commit, "ancestors wait for the commit"
    for callback in callbacks:
        callback()
    urls = {url for _method, url, _host, _timeout in purges}
    assert {"http://127.0.0.1:8081/news/blood/", "http://127.0.0.1:8081/news/", "http://127.0.0.1:8081/"} <= urls
    assert {method for method, *_ in purges} == {"PURGE"}
    assert {host for _m, _u, host, _t in purges} == {"localhost"}, "the site's host: nginx's cache key"
    assert {timeout for *_, timeout in purges} == {frontend_cache.TIMEOUT_SECONDS}


def test_unpublishing_purges_too(home_page, purges, django_capture_on_commit_callbacks):
    item = add_page(home_page, title="ประกาศ", slug="notice")
    purges.clear()
    with django_capture_on_commit_callbacks(execute=True):
        item.unpublish()
    urls = {url for _method, url, _host, _timeout in purges}
    assert {"http://127.0.0.1:8081/notice/", "http://127.0.0.1:8081/"} <= urls


def test_nothing_is_sent_without_a_purge_url(home_page, settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    monkeypatch.setattr(frontend_cache, "urlopen", lambda *a, **k: pytest.fail("no purge without a URL"))
    with django_capture_on_commit_callbacks(execute=True):
        add_page(home_page, title="ประกาศ", slug="notice")


@pytest.mark.parametrize(
    "error, logged",
    [
        (HTTPError("http://x/", 404, "Not Found", {}, None), False),
        (HTTPError("http://x/", 500, "Error", {}, None), True),
        (URLError("connection refused"), True),
    ],
)
def test_a_missing_copy_is_quiet_and_a_failure_is_logged_never_raised(
    home_page, settings, monkeypatch, caplog, django_capture_on_commit_callbacks, error, logged
):
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "home.frontend_cache.NginxPurgeBackend", "LOCATION": "http://127.0.0.1:8081"}
    }

    def urlopen(request, timeout):
        raise error

    monkeypatch.setattr(frontend_cache, "urlopen", urlopen)
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(home_page, title="ประกาศ", slug="notice")
    assert page.live
    warnings = [r for r in caplog.records if r.name == "hodsite.frontend_cache"]
    assert bool(warnings) is logged
