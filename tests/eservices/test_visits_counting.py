"""Visit statistics: what is counted (public HTML pages viewed by people) and what is not, exact counts
under concurrent requests, and that no IP address is stored anywhere."""

import threading

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from freezegun import freeze_time

from eservices.models import DailyVisitor, DailyVisits, SurveyResponse
from eservices.models.visits import purge_visitor_keys
from home.models import DailySalt

from .survey_fixtures import BROWSER, VISITOR_IP, browser_headers, make_statistics_page


@pytest.fixture
def page(home_page):
    return make_statistics_page(home_page)


def today_counts():
    row = DailyVisits.objects.filter(day=timezone.localdate()).first()
    return (row.views, row.visitors) if row else (0, 0)


@pytest.mark.django_db
def test_page_views_and_unique_visitors_are_counted_per_day(client, page):
    for _ in range(3):
        assert client.get(page.url, **browser_headers()).status_code == 200
    assert today_counts() == (3, 1)
    client.get("/", **browser_headers(ip="198.51.100.7"))
    client.get("/", **browser_headers(agent=BROWSER.replace("Android 14", "Android 13")))
    assert today_counts() == (5, 3)
    assert DailyVisitor.objects.filter(day=timezone.localdate()).count() == 3


@pytest.mark.django_db
def test_a_new_day_starts_new_counts_and_the_same_visitor_is_new_again(client, page):
    with freeze_time("2026-11-26 23:50:00+07:00"):
        client.get(page.url, **browser_headers())
    with freeze_time("2026-11-27 00:10:00+07:00"):
        client.get(page.url, **browser_headers())
        client.get(page.url, **browser_headers())
    rows = {str(r.day): (r.views, r.visitors) for r in DailyVisits.objects.all()}
    assert rows == {"2026-11-26": (1, 1), "2026-11-27": (2, 1)}
    first, second = DailyVisitor.objects.order_by("day").values_list("visitor_key", flat=True)
    assert first != second  # the daily salt: keys of different days cannot be linked


@pytest.mark.django_db
@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36",
        "facebookexternalhit/1.1",
    ],
)
def test_robots_and_scripts_are_not_counted(client, page, agent):
    assert client.get(page.url, **browser_headers(agent=agent)).status_code == 200
    assert today_counts() == (0, 0)
    assert not DailyVisitor.objects.exists()


@pytest.mark.django_db
def test_head_post_errors_admin_static_and_files_are_not_counted(client, page, superuser):
    headers = browser_headers()
    assert client.head(page.url, **headers).status_code == 200
    client.post(page.url + page.reverse_subpage("rate"), {}, **headers)  # a form post (re-shown with errors)
    assert client.get("/no-such-page/", **headers).status_code == 404
    client.get("/sitemap.xml", **headers)
    client.get("/robots.txt", **headers)
    client.get("/static/css/site.css", **headers)
    client.get("/admin/login/", **headers)
    assert today_counts() == (0, 0)


@pytest.mark.django_db
def test_signed_in_staff_are_not_counted_but_signed_out_visitors_are(client, page):
    staff = get_user_model().objects.create_user("webmaster", "w@hodhospital.go.th", "pass-1234567", is_staff=True)
    client.force_login(staff)
    client.get(page.url, **browser_headers())
    assert today_counts() == (0, 0)
    client.logout()
    client.get(page.url, **browser_headers())
    assert today_counts() == (1, 1)


@pytest.mark.django_db
def test_wagtail_users_without_is_staff_are_not_counted(client, page):
    """Users created in Wagtail's admin get admin access through a group, never ``is_staff``."""
    from django.contrib.auth.models import Group, Permission

    editors = Group.objects.create(name="บรรณาธิการทดสอบ")
    editors.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    editor = get_user_model().objects.create_user("editor", "e@hodhospital.go.th", "pass-1234567")
    editor.groups.add(editors)
    assert not editor.is_staff
    client.force_login(editor)
    client.get(page.url, **browser_headers())
    assert today_counts() == (0, 0)
    public = get_user_model().objects.create_user("citizen", "c@example.com", "pass-1234567")
    client.force_login(public)  # signed in without admin access: a visitor like any other
    client.get(page.url, **browser_headers())
    assert today_counts() == (1, 1)


@pytest.mark.django_db
def test_counting_can_be_switched_off(client, page, settings):
    settings.VISITS_COUNTING = False
    client.get(page.url, **browser_headers())
    assert today_counts() == (0, 0)


@pytest.mark.django_db
def test_no_ip_address_is_stored_anywhere(client, page):
    client.get(page.url, **browser_headers())
    client.get("/", **browser_headers())
    stored = [*DailyVisits.objects.values(), *DailyVisitor.objects.values()]
    assert stored
    for row in stored:
        for value in row.values():
            assert VISITOR_IP not in str(value)
            assert "203.0.113" not in str(value)
    assert not client.cookies  # and no cookie was set to count the visitor


@pytest.mark.django_db
def test_a_returning_visitor_costs_one_update_query(client, page):
    client.get(page.url, **browser_headers())  # first view of the day: the key, the day's row
    client.get(page.url, **browser_headers())  # warm the page's own caches
    with CaptureQueriesContext(connection) as with_count:
        client.get(page.url, **browser_headers())
    with CaptureQueriesContext(connection) as without_count:
        client.get(page.url, **browser_headers(agent="curl/8.5.0"))  # not counted
    extra = [q["sql"] for q in with_count.captured_queries[len(without_count.captured_queries) :]]
    assert len(with_count.captured_queries) - len(without_count.captured_queries) == 1
    assert extra[0].startswith("UPDATE") and "eservices_dailyvisits" in extra[0]


@pytest.mark.django_db
def test_old_visitor_keys_are_purged_and_the_totals_stay(client, page):
    with freeze_time("2026-11-20 10:00:00+07:00"):
        client.get(page.url, **browser_headers())
    with freeze_time("2026-11-25 23:00:00+07:00"):
        client.get(page.url, **browser_headers())
    with freeze_time("2026-11-26 10:00:00+07:00"):
        client.get(page.url, **browser_headers())
        assert purge_visitor_keys() == "2 deleted"  # every day before today, yesterday too
    assert list(DailyVisitor.objects.values_list("day", flat=True).order_by("day")) == [
        timezone.datetime(2026, 11, 26).date()
    ]
    assert DailyVisits.objects.count() == 3


@pytest.mark.django_db
def test_the_daily_salt_is_random_and_forgotten_with_the_keys_once_the_day_is_over(client, page, settings):
    """Yesterday's keys, salt and survey keys are gone after the purge: nothing links back to a visitor."""
    rate = page.url + page.reverse_subpage("rate")
    with freeze_time("2026-11-25 10:00:00+07:00"):
        client.get(page.url, **browser_headers())
        assert client.post(rate, {"website_score": "4"}, **browser_headers()).status_code == 302
        first_salt = DailySalt.objects.get(day="2026-11-25").salt
    with freeze_time("2026-11-26 10:00:00+07:00"):
        client.get(page.url, **browser_headers())
        assert client.post(rate, {"website_score": "5"}, **browser_headers()).status_code == 302
        keys = dict(DailyVisitor.objects.values_list("day", "visitor_key"))
        assert len(set(keys.values())) == 2  # the same visitor, two unlinkable keys
        assert DailySalt.objects.get(day="2026-11-26").salt != first_salt
        settings.SECRET_KEY = "another-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-XY"
        # The key depends on the stored random salt, not on the secret key (which lives forever).
        from django.test import RequestFactory

        from home.abuse import visitor_key

        request = RequestFactory().get("/", **browser_headers())
        assert visitor_key(request) == DailyVisitor.objects.get(day="2026-11-26").visitor_key
        assert purge_visitor_keys() == "1 deleted"  # yesterday is over: its keys go now
        assert [str(day) for day in DailySalt.objects.values_list("day", flat=True)] == ["2026-11-26"]
        assert [str(day) for day in DailyVisitor.objects.values_list("day", flat=True)] == ["2026-11-26"]
        stored = {str(day): key for day, key in SurveyResponse.objects.values_list("day", "visitor_key")}
        assert stored["2026-11-25"] is None and stored["2026-11-26"] == keys[timezone.datetime(2026, 11, 26).date()]
        assert SurveyResponse.objects.count() == 2  # the answers themselves stay


class VisitsFileRouter:
    """Sends the visit tables to a file database: SQLite's shared in-memory test database locks whole
    tables between connections, which no real deployment does (``make run`` uses a file in WAL mode)."""

    def db_for_read(self, model, **hints):
        return FILE_ALIAS if model in (DailyVisits, DailyVisitor, DailySalt) else None

    db_for_write = db_for_read


FILE_ALIAS = "visits_file"


@pytest.fixture
def concurrent_db(transactional_db, django_db_blocker, settings, tmp_path):
    """PostgreSQL as it is; on SQLite, the visit tables in a file database as in production."""
    if connection.vendor != "sqlite":
        yield
        return
    connections.settings[FILE_ALIAS] = {**connections.settings["default"], "NAME": str(tmp_path / "visits.sqlite3")}
    file_connection = connections[FILE_ALIAS]
    for name in ("connect", "temporary_connection", "cursor", "chunked_cursor"):
        file_connection.__dict__.pop(name, None)  # the test case's "not allowed" guards, if set
    # The test case refuses aliases it was not told about; this one exists for this test only.
    with django_db_blocker.unblock():
        with file_connection.schema_editor() as editor:
            editor.create_model(DailyVisits)
            editor.create_model(DailyVisitor)
            editor.create_model(DailySalt)
        settings.DATABASE_ROUTERS = [f"{__name__}.VisitsFileRouter"]
        yield
    connections[FILE_ALIAS].close()
    del connections[FILE_ALIAS]
    del connections.settings[FILE_ALIAS]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_page_views_are_counted_exactly(home_page, concurrent_db):
    """Eight browsers × 25 views at once, each thread with its own connection: nothing lost, and
    every browser a visitor exactly once although its first views race."""
    page = make_statistics_page(home_page)
    Client().get(page.url, **browser_headers(agent="curl/8.5.0"))  # not counted; creates the site settings rows
    threads_count, views_each = 8, 25
    start = threading.Barrier(threads_count)
    failures = []

    def browse(number):
        client = Client()
        headers = browser_headers(ip=f"198.51.100.{number % 4}", agent=f"{BROWSER} tab/{number // 4}")
        try:
            start.wait()
            for _ in range(views_each):
                if client.get(page.url, **headers).status_code != 200:
                    failures.append(number)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=browse, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert today_counts() == (threads_count * views_each, threads_count)
    assert DailyVisitor.objects.count() == threads_count


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_first_views_of_one_visitor_count_one_visitor(home_page, concurrent_db):
    """The cache says "new" to every racing thread when it is per process; the unique key decides."""
    page = make_statistics_page(home_page)
    Client().get(page.url, **browser_headers(agent="curl/8.5.0"))  # not counted; creates the site settings rows
    threads_count = 6
    start = threading.Barrier(threads_count)

    def browse():
        cache.clear()  # as if each request were served by another worker process with its own cache
        try:
            start.wait()
            Client().get(page.url, **browser_headers())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=browse) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert today_counts() == (threads_count, 1)


@pytest.mark.django_db
def test_the_count_is_made_after_the_page_is_sent_not_before(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.core.signals import request_finished
    from django.db import close_old_connections
    from django.http import HttpResponse

    from eservices.visits.middleware import VisitCounterMiddleware

    cache.clear()  # no "seen today" key left by an earlier test
    request = rf.get("/about/", **browser_headers())
    request.user = AnonymousUser()
    response = VisitCounterMiddleware(lambda r: HttpResponse("<p>สวัสดี</p>"))(request)
    assert today_counts() == (0, 0)  # the visitor has the page; nothing counted yet
    # What the WSGI server does after sending the last byte (without closing the test's connection,
    # as Django's test client does too).
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert today_counts() == (1, 1)


@pytest.mark.django_db
def test_a_counting_failure_is_logged_and_the_page_still_served(client, page, caplog, monkeypatch):
    from django.db import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(DailyVisits, "count", broken)
    response = client.get(page.url, **browser_headers())
    assert response.status_code == 200 and "สถิติและความพึงพอใจ" in response.content.decode()
    assert "Could not count a page view" in caplog.text
