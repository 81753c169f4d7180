"""The visit beacon (``VISITS_COUNT_BY = "beacon"``, eservices/visits/beacon.py): pages served by nginx's cache
are counted by the page's own request to /v/, by the same rules as the server-side counter, and never twice."""

from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest

from eservices.models import DailyVisitor, DailyVisits

from .survey_fixtures import BROWSER, browser_headers, make_statistics_page

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture
def page(home_page, settings):
    settings.VISITS_COUNT_BY = "beacon"
    return make_statistics_page(home_page)


def today_counts():
    row = DailyVisits.objects.filter(day=timezone.localdate()).first()
    return (row.views, row.visitors) if row else (0, 0)


def beacon(client, path, method="post", **headers):
    send = client.post if method == "post" else client.get
    data = {"p": path}
    return send("/v/", data, **{**browser_headers(), **SAME_ORIGIN, **headers})


@pytest.mark.django_db
def test_a_page_view_is_counted_once_by_its_beacon_not_by_the_server(client, page):
    html = client.get(page.url, **browser_headers()).content.decode()
    assert 'data-visit-beacon="/v/"' in html
    assert f'<noscript><img class="visit-beacon" src="/v/?p={quote(page.url, safe="")}"' in html
    assert today_counts() == (0, 0), "the server no longer counts: the beacon does"
    response = beacon(client, page.url)
    assert response.status_code == 204 and response.content == b""
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies, "no session, no CSRF cookie"
    assert today_counts() == (1, 1)
    beacon(client, page.url)
    beacon(client, "/", method="get")  # the <noscript> image
    assert today_counts() == (3, 1), "one visitor per key per day"
    assert DailyVisitor.objects.count() == 1


@pytest.mark.django_db
def test_server_counting_has_no_beacon_and_the_endpoint_counts_nothing(client, page, settings):
    settings.VISITS_COUNT_BY = "server"
    html = client.get(page.url, **browser_headers()).content.decode()
    assert "data-visit-beacon" not in html and "/v/?p=" not in html
    assert today_counts() == (1, 1)
    assert beacon(client, page.url).status_code == 204
    assert today_counts() == (1, 1), "never counted twice"


@pytest.mark.django_db
@pytest.mark.parametrize("agent", ["", "Mozilla/5.0 (compatible; Googlebot/2.1)", "curl/8.5.0", "HeadlessChrome/131"])
def test_bots_are_refused(client, page, agent):
    assert beacon(client, page.url, HTTP_USER_AGENT=agent).status_code == 204
    assert today_counts() == (0, 0)


@pytest.mark.django_db
def test_signed_in_staff_are_not_counted(client, page):
    staff = get_user_model().objects.create_user("webmaster", "w@hodhospital.go.th", "pass-1234567", is_staff=True)
    client.force_login(staff)
    beacon(client, page.url)
    assert today_counts() == (0, 0)
    client.logout()
    beacon(client, page.url)
    assert today_counts() == (1, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_SEC_FETCH_SITE": "none"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_REFERER": "https://evil.example/page/"},
        {"HTTP_ORIGIN": "null"},
        {},
    ],
)
def test_cross_origin_or_unknown_origin_is_refused(client, page, headers):
    response = client.post("/v/", {"p": page.url}, **browser_headers(), **headers)
    assert response.status_code == 403
    assert today_counts() == (0, 0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers", [{"HTTP_ORIGIN": "http://testserver"}, {"HTTP_REFERER": "http://testserver/services/statistics/"}]
)
def test_browsers_without_fetch_metadata_are_checked_by_origin_or_referer(client, page, headers):
    assert client.post("/v/", {"p": page.url}, **browser_headers(), **headers).status_code == 204
    assert today_counts() == (1, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/admin/", "/static/css/site.css", "/documents/1/a.pdf", "/healthz", "", "x", "//e.x"]
)
def test_excluded_or_malformed_page_paths_are_not_counted(client, page, path):
    assert beacon(client, path).status_code == 204
    assert today_counts() == (0, 0)


@pytest.mark.django_db
def test_the_beacon_is_rate_limited(client, page, settings):
    settings.VISITS_BEACON_RATE_LIMIT = (2, 60)
    assert [beacon(client, page.url).status_code for _ in range(3)] == [204, 204, 429]
    assert today_counts() == (2, 1)


@pytest.mark.django_db
def test_only_get_and_post(client, page):
    assert client.put("/v/", **browser_headers(), **SAME_ORIGIN).status_code == 405
    assert today_counts() == (0, 0)


@pytest.mark.django_db
def test_error_pages_and_form_answers_send_no_beacon(client, page):
    missing = client.get("/no-such-page/", **browser_headers())
    assert missing.status_code == 404 and b"data-visit-beacon" not in missing.content
    answer = client.post(page.url + page.reverse_subpage("rate"), {}, **browser_headers())
    assert b"data-visit-beacon" not in answer.content


def test_the_browser_user_agent_of_the_fixtures_is_a_browser():
    from eservices.visits.counting import is_bot

    assert not is_bot(BROWSER)
