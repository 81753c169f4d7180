"""Visits behind the cache: a real browser's page view is counted by the page's beacon (/v/), once per view,
as production counts them when nginx answers the page itself (VISITS_COUNT_BY = "beacon")."""

import json
import subprocess
import sys
from urllib.parse import parse_qs

from tests.browser.conftest import ROOT, SERVER_ENV

READ_TODAY = (
    "import json; from django.utils import timezone; from eservices.models import DailyVisits; "
    "row = DailyVisits.objects.filter(day=timezone.localdate()).first(); "
    "print(json.dumps([row.views, row.visitors] if row else [0, 0]))"
)


PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"


def _today():
    result = subprocess.run([sys.executable, "manage.py", "shell", "-c", READ_TODAY],
                            cwd=ROOT, env=SERVER_ENV, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _wait_for_count(page, views):
    for _ in range(40):
        if _today()[0] >= views:
            return _today()
        page.wait_for_timeout(250)
    return _today()


def test_a_page_view_is_counted_by_the_beacon(browser, live_site):
    # Headless Chromium calls itself "HeadlessChrome", which the counter takes for a robot: a person's browser.
    context = browser.new_context(locale="th-TH", user_agent=PERSON)
    page = context.new_page()
    beacons = []
    page.on("request", lambda r: beacons.append(r) if r.url.endswith("/v/") else None)
    try:
        views, visitors = _today()
        page.goto(live_site + "/")
        page.wait_for_load_state("networkidle")
        assert [b.method for b in beacons] == ["POST"], "the page sends exactly one beacon"
        assert parse_qs(beacons[0].post_data) == {"p": ["/"]}, "it names the page it counts"
        after = _wait_for_count(page, views + 1)
        assert after[0] == views + 1
        assert after[1] in (visitors, visitors + 1)

        # The same visitor again: one more view, no new visitor.
        page.goto(live_site + "/news/")
        page.wait_for_load_state("networkidle")
        again = _wait_for_count(page, views + 2)
        assert again == [views + 2, after[1]]
    finally:
        context.close()


def test_a_headless_browser_is_not_counted(page, live_site):
    views, _ = _today()
    with page.expect_request(lambda r: r.url.endswith("/v/")) as beacon:
        page.goto(live_site + "/")
    assert beacon.value.response().status == 204
    page.wait_for_timeout(1000)
    assert _today()[0] == views
