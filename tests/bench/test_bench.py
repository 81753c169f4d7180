"""The site at volume: latency per page type, queries per request, worker memory and throughput.

Run by ``make bench`` (``BENCH=1``; plain ``pytest`` skips this folder, see tests/conftest.py). It builds or
reuses the database at volume (``tests.bench.build``), starts gunicorn with two workers and DEBUG off, and
measures each page type twice: a cold pass (the first request of each URL after the server started) and
a second pass over the same URLs (answered from a page cache when the site has one). It prints a table,
compares with the targets of issue #13, and writes ``test-results/bench.json``. The test fails when a page
does not answer 200 or its query count grows with volume; a missed speed target fails only with
``BENCH_STRICT=1`` (the machine decides speed, not the code alone). Results: docs/performance.md.
"""

import datetime as dt
import json
import os
import platform

import pytest

from tests.bench import build, server
from tests.bench.build import ROOT

pytestmark = pytest.mark.skipif(os.environ.get("BENCH") != "1", reason="benchmark: run with make bench")

LISTINGS = ("news_index", "news_deep", "sorkhor_index")
SEARCHES = ("search_procurement", "search_vaccine", "search_manual")
CACHED_RPS = 1000
LISTING_P95_MS = 150
SEARCH_P95_MS = 300
SLOW_MS = 1000


def measure():
    record = build.volume_database()
    urls = build.probe("urls")
    queries = build.query_counts(urls)
    gunicorn = server.Server()
    try:
        rows = {}
        for kind, url_list in urls.items():
            rows[kind] = {"urls": len(url_list), "cold": server.timings(gunicorn.port, url_list)}
        rss_after_cold = gunicorn.worker_rss_mb()
        for kind, url_list in urls.items():
            # Three more passes, or one where a request takes seconds (the run must end on a busy machine).
            rounds = 3 if rows[kind]["cold"]["p50_ms"] < SLOW_MS else 1
            rows[kind]["cached"] = server.timings(gunicorn.port, url_list, rounds=rounds)
        home_headers = server.get(gunicorn.port, "/")[2]
        rate = server.throughput(gunicorn.port, "/")
        rss_end = gunicorn.worker_rss_mb()
    finally:
        gunicorn.stop()
    for kind, counts in queries.items():
        rows[kind]["queries"] = counts
        rows[kind]["queries_demo_only"] = record.get("base_queries", {}).get(kind)
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} · {platform.machine()} · {server.cpu_count()} CPU · Python "
        f"{platform.python_version()} · load {os.getloadavg()[0]:.1f}",
        "engine": record["engine"],
        "volume": {k: record[k] for k in ("pages", "documents", "seconds", "generate_volume") if k in record},
        "rows": rows,
        "worker_rss_mb": {"after_cold_pass": rss_after_cold, "end": rss_end},
        "cached_page": {"url": "/", **rate, "cache_headers": cache_headers(home_headers)},
    }


def cache_headers(headers):
    return {k: v for k, v in headers.items() if k.lower() in ("cache-control", "age", "x-cache", "expires", "vary")}


def targets(result):
    """(target, measured, passed) for each target of issue #13."""
    rows = result["rows"]
    checks = [(f"cached page ≥ {CACHED_RPS} req/s", result["cached_page"]["requests_per_s"], None)]
    checks[0] = (*checks[0][:2], checks[0][1] >= CACHED_RPS)
    for kind in LISTINGS:
        p95 = rows[kind]["cold"]["p95_ms"]
        checks.append((f"{kind} uncached p95 < {LISTING_P95_MS} ms", p95, p95 < LISTING_P95_MS))
    suffix = "" if result["engine"] == "postgresql" else " (target set for PostgreSQL)"
    for kind in SEARCHES:
        p95 = rows[kind]["cold"]["p95_ms"]
        checks.append((f"{kind} uncached p95 < {SEARCH_P95_MS} ms{suffix}", p95, p95 < SEARCH_P95_MS))
    for kind, row in rows.items():
        base, now = row.get("queries_demo_only"), row["queries"]
        if "timeout" in now:
            checks.append((f"{kind} queries constant in volume", f"request over {now['timeout']} s", False))
        elif base and "first" in base:
            constant = now["first"] <= base["first"]
            checks.append(
                (f"{kind} queries constant in volume", f"{base['first']} → {row['queries']['first']}", constant)
            )
    return checks


def table(result):
    lines = [
        f"Benchmark {result['date']} · {result['engine']} · {result['volume'].get('pages')} pages + "
        f"{result['volume'].get('documents')} documents · {result['machine']}",
        f"{'page type':<20}{'URLs':>5}{'cold p50':>10}{'cold p95':>10}{'2nd p50':>10}{'2nd p95':>10}"
        f"{'queries':>9}{'2nd':>5}{'demo':>6}",
    ]
    for kind, row in result["rows"].items():
        base = row.get("queries_demo_only") or {}
        lines.append(
            f"{kind:<20}{row['urls']:>5}{row['cold']['p50_ms']:>10}{row['cold']['p95_ms']:>10}"
            f"{row['cached']['p50_ms']:>10}{row['cached']['p95_ms']:>10}{row['queries'].get('first', 'slow'):>9}"
            f"{row['queries'].get('second', '–'):>5}{base.get('first', '–'):>6}"
        )
    rate = result["cached_page"]
    lines.append(
        f"cached page /: {rate['requests_per_s']} req/s with {rate['clients']} clients ({rate['failed']} failed)"
    )
    lines.append(
        f"worker RSS (MB): after cold pass {result['worker_rss_mb']['after_cold_pass']}, end {result['worker_rss_mb']['end']}"
    )
    for name, measured, passed in result["targets"]:
        lines.append(f"{'PASS' if passed else 'FAIL'}  {name}: {measured}")
    return "\n".join(lines)


def test_site_at_volume():
    result = measure()
    result["targets"] = targets(result)
    out = ROOT / "test-results" / "bench.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2))
    print("\n" + table(result))
    broken = {kind: row["cold"]["statuses"] for kind, row in result["rows"].items() if row["cold"]["statuses"] != [200]}
    assert not broken, f"pages that did not answer 200 at volume: {broken}"
    assert result["cached_page"]["failed"] == 0
    growing = [name for name, _, passed in result["targets"] if "queries" in name and not passed]
    assert not growing, f"query counts grow with volume: {growing}"
    if os.environ.get("BENCH_STRICT") == "1":
        missed = [name for name, _, passed in result["targets"] if not passed]
        assert not missed, f"targets missed: {missed}"
