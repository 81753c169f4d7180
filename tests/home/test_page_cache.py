"""The anonymous page cache (home/page_cache.py): what is stored and what never is, purges on every
event that changes a page, the CSP nonce, Cache-Control/ETag/304, and visit counting behind the cache."""

import datetime as dt
import re

from django.core.cache import cache
from django.http import HttpResponse
from django.template import engines
from django.utils import timezone

from wagtail.models import PageViewRestriction, Site

import pytest

from eservices.models import DailyVisits
from home.models import ContactSettings, StandardPage
from publishing.jobs import publish_scheduled
from tests.conftest import add_page
from tests.eservices.complaints_support import build_pages, role_users
from tests.eservices.survey_fixtures import browser_headers
from tests.publishing.conftest import hospital  # noqa: F401 — the fixture, with one user per role

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_BROWSER_SECONDS = 30
    settings.VISITS_COUNTING = False
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news(home_page, footer, page_cache):
    """A section with one item; the footer's settings row exists (the first render would create it, and
    creating it purges the cache)."""
    section = add_page(home_page, title="ข่าวประชาสัมพันธ์", slug="news", show_in_menus=True)
    item = add_page(section, title="ข่าวรับบริจาคโลหิต", slug="blood")
    return section, item


def state(response):
    return response.get("X-Page-Cache")


def test_second_anonymous_visit_is_served_from_the_cache_without_a_query(client, news, django_assert_num_queries):
    _section, item = news
    first = client.get(item.url)
    assert first.status_code == 200 and state(first) == "miss"
    with django_assert_num_queries(0):
        second = client.get(item.url)
    assert second.status_code == 200 and state(second) == "hit"
    assert "ข่าวรับบริจาคโลหิต" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]
    assert "Content-Security-Policy" in second
    head = client.head(item.url)
    assert head.status_code == 200 and state(head) == "hit"


def test_listing_parameters_are_separate_entries_in_any_order_and_others_are_not_stored(client, news):
    section, _item = news
    assert state(client.get(section.url + "?fy=2569&page=2")) == "miss"
    assert state(client.get(section.url + "?page=2&fy=2569")) == "hit"
    assert state(client.get(section.url + "?page=2&fy=2569&utm_source=line&fbclid=abc")) == "hit", "campaign tags"
    assert state(client.get(section.url + "?fy=2568&page=2")) == "miss"
    for _ in range(2):
        assert state(client.get(section.url + "?anything=1")) is None, "no copies of one page per random parameter"
    assert state(client.get(section.url + "?category=" + "y" * 400)) is None, "a very long query is not stored"


def test_publish_is_visible_to_the_very_next_anonymous_visitor(client, news, home_page):
    """Within 1 s of publication: no waiting for an expiry, the next request after it is built afresh."""
    section, item = news
    for url in (item.url, section.url, home_page.url):
        client.get(url)
        assert state(client.get(url)) == "hit"
    item.title = "ข่าวรับบริจาคโลหิต ครั้งที่ 2"
    item.save_revision().publish()
    page = client.get(item.url)
    assert state(page) == "miss" and "ครั้งที่ 2" in page.content.decode()
    listing = client.get(section.url)
    assert state(listing) == "miss" and "ครั้งที่ 2" in listing.content.decode(), "the parent's listing"
    assert state(client.get(home_page.url)) == "miss", "home (menus and news everywhere)"


def test_a_new_page_appears_in_its_parents_listing_at_once(client, news):
    section, _item = news
    client.get(section.url)
    add_page(section, title="ข่าวใหม่ล่าสุด", slug="latest")
    assert "ข่าวใหม่ล่าสุด" in client.get(section.url).content.decode()


def test_unpublish_removes_the_page_and_its_listing_entry(client, news):
    section, item = news
    client.get(item.url), client.get(section.url)
    item.unpublish()
    assert client.get(item.url).status_code == 404
    assert "ข่าวรับบริจาคโลหิต" not in client.get(section.url).content.decode()


def test_scheduled_publish_and_expiry_purge_the_cache(client, news):
    section, item = news
    scheduled = add_page(section, title="ประกาศตั้งเวลา", slug="scheduled", publish=False)
    revision = scheduled.save_revision()
    revision.approved_go_live_at = timezone.now() - dt.timedelta(minutes=1)
    revision.save()
    item.expire_at = timezone.now() - dt.timedelta(minutes=1)
    item.save(update_fields=["expire_at"])  # bookkeeping only: the cached copy stays
    client.get(section.url), client.get(item.url)
    assert state(client.get(section.url)) == "hit"
    assert publish_scheduled() == "published 1, taken down 1, skipped expired 0"
    listing = client.get(section.url).content.decode()
    assert "ประกาศตั้งเวลา" in listing and "ข่าวรับบริจาคโลหิต" not in listing
    assert client.get(item.url).status_code == 404


def test_moving_or_renaming_a_page_purges_the_cache(client, news, home_page):
    section, item = news
    client.get(section.url)
    item.slug = "blood-2569"
    item.save_revision().publish()
    assert "blood-2569" in client.get(section.url).content.decode()
    other = add_page(home_page, title="ประกาศ", slug="notices")
    client.get(section.url)
    item.refresh_from_db()
    item.move(other, pos="last-child")
    assert "ข่าวรับบริจาคโลหิต" not in client.get(section.url).content.decode()


def test_footer_and_contact_settings_purge_every_page(client, news, footer):
    _section, item = news
    client.get(item.url)
    target = add_page(item.get_parent(), title="นโยบายคุ้มครองข้อมูลส่วนบุคคล", slug="privacy")
    client.get(item.url)
    assert state(client.get(item.url)) == "hit"
    footer.privacy_page = target
    footer.save()
    assert state(client.get(item.url)) == "miss"
    settings_row = ContactSettings.objects.get()
    client.get(item.url)
    settings_row.phone = "053-999-999"
    settings_row.save()
    page = client.get(item.url)
    assert state(page) == "miss" and "053-999-999" in page.content.decode()


def test_making_a_page_private_removes_it_from_the_cache_at_once(client, news):
    _section, item = news
    client.get(item.url)
    assert state(client.get(item.url)) == "hit"
    PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(item.url)
    assert response.status_code == 302 and state(response) is None


def test_password_protected_pages_are_never_stored(client, news):
    _section, item = news
    PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.PASSWORD, password="x-1234")
    for _ in range(2):
        response = client.get(item.url)
        assert response.status_code == 200 and state(response) is None
        assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_cache_control_etag_and_conditional_get(client, news):
    _section, item = news
    first = client.get(item.url)
    assert first["Cache-Control"] == "public, max-age=30"
    etag = first["ETag"]
    assert re.fullmatch(r'W/"[0-9a-f]{32}"', etag)
    hit = client.get(item.url)
    assert hit["ETag"] == etag and hit["Cache-Control"] == "public, max-age=30"
    not_modified = client.get(item.url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag and not_modified["Cache-Control"] == "public, max-age=30"
    assert client.get(item.url, HTTP_IF_NONE_MATCH='W/"other"').status_code == 200
    cache.clear()
    assert client.get(item.url, HTTP_IF_NONE_MATCH=etag).status_code == 304, "same page rendered again"
    item.title = "ข่าวแก้ไข"
    item.save_revision().publish()
    assert client.get(item.url, HTTP_IF_NONE_MATCH=etag).status_code == 200, "a changed page is sent again"


def test_public_pages_from_the_cache_are_the_same_bytes_for_everyone(client, news):
    """No nonce in public pages (home/security/csp.py): nginx may send one cached body to every visitor."""
    _section, item = news
    responses = [client.get(item.url) for _ in range(3)]
    assert [state(response) for response in responses] == ["miss", "hit", "hit"]
    assert len({response.content for response in responses}) == 1
    assert len({response["Content-Security-Policy"] for response in responses}) == 1
    assert "nonce" not in responses[0]["Content-Security-Policy"]


def test_a_policy_with_a_nonce_still_gets_a_fresh_one_per_response_from_the_cache(client, news, monkeypatch):
    """Should a public policy name a nonce again, the cache keeps giving each response its own."""
    from home.security import csp

    monkeypatch.setitem(csp.PUBLIC_POLICY, "script-src", ["'self'", "{nonce}"])
    _section, item = news
    template = engines["django"].from_string('<html><script nonce="{{ request.csp_nonce }}">go()</script></html>')

    def serve(page, request, *args, **kwargs):
        return HttpResponse(template.render({}, request))

    monkeypatch.setattr(StandardPage, "serve", serve)
    nonces = []
    for expected in ("miss", "hit", "hit"):
        response = client.get(item.url)
        assert state(response) == expected
        body_nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
        assert f"'nonce-{body_nonce}'" in response["Content-Security-Policy"]
        nonces.append(body_nonce)
    assert len(set(nonces)) == 3, "a nonce is never sent twice"
    etags = {client.get(item.url)["ETag"] for _ in range(2)}
    assert len(etags) == 1, "the ETag does not change with the nonce"


@pytest.mark.parametrize("role", ["editor", "head", "webmaster", "director", "admin", "centre", "integrity"])
def test_staff_pages_are_private_and_never_stored(client, hospital, page_cache, role):  # noqa: F811
    users = role_users(hospital)
    page = hospital["news"]
    client.force_login(users[role])
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 200 and state(response) is None
        assert response["Cache-Control"] == "private, no-store"
    client.logout()
    assert state(client.get(page.url)) == "miss", "nothing of the staff's pages was stored"


def test_service_forms_and_live_figures_are_never_stored(client, home_page, page_cache):
    pages = build_pages(home_page)
    for name in ("form", "tracking", "stats", "feedback"):
        for _ in range(2):
            response = client.get(pages[name].url)
            assert response.status_code == 200 and state(response) is None, name
            control = response["Cache-Control"]
            assert "private" in control and ("no-cache" in control or "no-store" in control), name
    client.get(pages["form"].url)
    assert "csrftoken" in client.cookies


def test_a_visitor_with_a_session_or_a_message_gets_a_fresh_page(client, news):
    _section, item = news
    client.get(item.url)
    client.cookies["sessionid"] = "anything"
    response = client.get(item.url)
    assert state(response) is None and response["Cache-Control"] == "private, no-cache"
    del client.cookies["sessionid"]
    client.cookies["messages"] = "x"
    assert state(client.get(item.url)) is None


def test_search_healthz_and_admin_are_never_stored(client, news):
    for url in ("/search/?q=ข่าว", "/healthz", "/admin/login/", "/robots.txt"):
        client.get(url)
        assert state(client.get(url)) is None, url


def test_a_response_that_sets_a_cookie_is_not_stored(client, news, monkeypatch):
    _section, item = news

    def serve(page, request, *args, **kwargs):
        response = HttpResponse("<html>hello</html>")
        response.set_cookie("choice", "1")
        return response

    monkeypatch.setattr(StandardPage, "serve", serve)
    for _ in range(2):
        assert state(client.get(item.url)) is None


def test_turned_off_it_changes_nothing(client, news, settings):
    _section, item = news
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        response = client.get(item.url)
        assert state(response) is None and "Cache-Control" not in response and "ETag" not in response


def test_a_cached_page_and_a_revalidation_are_each_counted_once(client, news, settings):
    _section, item = news
    settings.VISITS_COUNTING = True
    first = client.get(item.url, **browser_headers())
    second = client.get(item.url, **browser_headers())
    assert (state(first), state(second)) == ("miss", "hit")
    assert client.get(item.url, HTTP_IF_NONE_MATCH=first["ETag"], **browser_headers()).status_code == 304
    client.get(item.url, **browser_headers(agent="Googlebot/2.1"))  # a bot, served from the cache: not counted
    client.head(item.url, **browser_headers())  # HEAD: not a view
    row = DailyVisits.objects.get(day=timezone.localdate())
    assert (row.views, row.visitors) == (3, 1)


def test_a_head_request_is_answered_from_the_cache_but_never_stored(client, news):
    _section, item = news
    assert state(client.head(item.url)) is None
    assert state(client.get(item.url)) == "miss", "the HEAD stored nothing"
    assert state(client.head(item.url)) == "hit"


def test_with_the_cache_unreachable_pages_are_built_as_usual(client, news, settings):
    _section, item = news
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    for _ in range(2):
        response = client.get(item.url)
        assert response.status_code == 200 and "ข่าวรับบริจาคโลหิต" in response.content.decode()
        assert state(response) is None and response["Cache-Control"] == "private, no-cache"


def test_a_draft_keeps_the_cache_but_a_department_or_site_change_purges_it(client, news, department):
    _section, item = news
    client.get(item.url)
    item.title = "ร่างที่ยังไม่เผยแพร่"
    item.save_revision()  # a draft: the public page is unchanged
    page = client.get(item.url)
    assert state(page) == "hit" and "ร่างที่ยังไม่เผยแพร่" not in page.content.decode()
    department.name = "งานประชาสัมพันธ์และสื่อสารองค์กร"
    department.save()
    assert state(client.get(item.url)) == "miss"
    client.get(item.url)
    assert state(client.get(item.url)) == "hit"
    site = Site.objects.get(is_default_site=True)
    site.site_name = "โรงพยาบาลฮอด"
    site.save()
    assert state(client.get(item.url)) == "miss"
