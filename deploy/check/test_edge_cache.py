"""nginx's micro-cache of pages and the visit beacon, through the production stack (docs/operations.md,
"Caching"): a second anonymous GET is a HIT, a publication shows within a second (purged through
Wagtail's frontend cache), a session is never served from or stored in the cache, and views are counted by
the beacon even when nginx serves the page."""

import json
import time
from urllib.parse import quote

from test_smoke import BASE, FIXTURES, fetch, manage, wait_for

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def cache_status(path, headers=None):
    status, response_headers, body = fetch(BASE + path, headers=headers)
    assert status == 200, (path, status)
    return response_headers.get("X-Cache-Status"), response_headers, body.decode()


def shell(code):
    result = manage("shell", "-c", code, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_a_second_anonymous_get_is_a_hit():
    path = FIXTURES["page"]
    cache_status(path)
    status, headers, _ = cache_status(path)
    assert status == "HIT"
    assert headers["Cache-Control"] == "public, max-age=30"
    assert "nonce-" not in headers["Content-Security-Policy"]


def test_a_publication_shows_within_a_second():
    path = FIXTURES["page"]
    for each in (path, "/"):
        cache_status(each)
        assert cache_status(each)[0] == "HIT"
    original = "รายงานผลการดำเนินงาน"  # deploy/check/fixtures.py
    assert original in cache_status(path)[2]
    title = f"{original} ฉบับปรับปรุง {time.time_ns()}"
    try:
        publish_title(title)
        published = time.monotonic()
        status, _, body = cache_status(path)
        while title not in body and time.monotonic() - published < 1:
            status, _, body = cache_status(path)
        assert title in body, "the new title within 1 s of the publication"
        assert status in ("MISS", "EXPIRED")
        assert cache_status("/")[0] in ("MISS", "EXPIRED"), "home (an ancestor) purged too"
    finally:
        publish_title(original)  # the browser journey looks for the page by its title
    assert title not in cache_status(path)[2]


def publish_title(title):
    shell(
        "from wagtail.models import Page; "
        f"p = Page.objects.get(pk={FIXTURES['page_id']}).specific; p.title = {title!r}; "
        "p.save_revision().publish(); print('published')"
    )


def test_a_session_cookie_bypasses_the_cache():
    path = FIXTURES["page"]
    cache_status(path)
    status, headers, _ = cache_status(path, headers={"Cookie": "sessionid=not-a-real-session"})
    assert status == "BYPASS"
    for uncached in ("/search/?q=" + quote("รายงาน"), "/healthz", "/v/?p=%2F"):
        _, headers, _ = fetch(BASE + uncached)
        assert headers.get("X-Cache-Status") == "BYPASS", uncached


def visits_today():
    return json.loads(
        shell(
            "import json; from django.utils import timezone; from eservices.models import DailyVisits; "
            "r = DailyVisits.objects.filter(day=timezone.localdate()).first(); "
            "print(json.dumps([r.views, r.visitors] if r else [0, 0]))"
        )
    )


def test_the_beacon_counts_a_view_through_nginx():
    path = FIXTURES["page"]
    cache_status(path)
    status, _, body = cache_status(path)
    assert status == "HIT" and 'data-visit-beacon="/v/"' in body
    before = visits_today()
    beacon = {
        "User-Agent": BROWSER,
        "Sec-Fetch-Site": "same-origin",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    code, headers, _ = fetch(BASE + "/v/", data=f"p={path}".encode(), headers=beacon)
    assert code == 204 and headers["Cache-Control"] == "no-store" and "Set-Cookie" not in headers
    assert headers.get("X-Cache-Status") is None, "a POST never looks in the cache"
    assert wait_for(lambda: visits_today()[0] == before[0] + 1, seconds=10)
    code, _, _ = fetch(BASE + "/v/", data=f"p={path}".encode(), headers={**beacon, "Sec-Fetch-Site": "cross-site"})
    assert code == 403
    time.sleep(1)
    assert visits_today()[0] == before[0] + 1, "a cross-site beacon is not counted"


def test_cached_page_throughput_through_nginx():
    """The measurement of docs/performance.md ("Cached pages through nginx"): 4 client threads, keep-alive
    HTTPS connections, 5 seconds on one page the micro-cache holds. The Python client shares the 2 cores with
    nginx, so this is a lower bound; printed and kept in test-results/edge-cache-throughput.json."""
    import http.client
    import threading
    from pathlib import Path
    from urllib.parse import urlsplit

    from test_smoke import ROOT, TLS

    path = FIXTURES["page"]
    cache_status(path)
    assert cache_status(path)[0] == "HIT"
    target = urlsplit(BASE)
    counts, statuses, stop = [], set(), time.monotonic() + 5

    def worker():
        connection = http.client.HTTPSConnection(target.hostname, target.port, context=TLS, timeout=10)
        done = 0
        while time.monotonic() < stop:
            connection.request("GET", path, headers={"User-Agent": BROWSER})
            response = connection.getresponse()
            response.read()
            statuses.add((response.status, response.headers.get("X-Cache-Status")))
            done += 1
        counts.append(done)
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rate = sum(counts) / (time.monotonic() - started)
    print(f"\ncached page through nginx: {rate:.0f} requests/s ({sum(counts)} in 5 s, 4 keep-alive clients)")
    out = ROOT / "test-results"
    out.mkdir(exist_ok=True)
    Path(out / "edge-cache-throughput.json").write_text(
        json.dumps({"requests_per_second": round(rate), "statuses": sorted(map(str, statuses))})
    )
    assert statuses <= {(200, "HIT"), (200, "UPDATING"), (200, "EXPIRED"), (200, "MISS")}
