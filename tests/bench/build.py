"""The benchmark's database at volume: built once, then reused while its marker says it is complete.

SQLite by default (``test-results/bench/bench.sqlite3``); the database of ``DATABASE_URL`` when it is set
(an existing, empty PostgreSQL database, e.g. ``createdb hodsite_bench``). Building is ``migrate``,
``load_demo_data``, the query counts of the demo hospital alone (to compare with the counts at volume),
then ``generate_volume``. The marker ``test-results/bench/volume-<key>.json`` records how long each step
took; delete it (or set ``BENCH_REBUILD=1``) to build again.
"""

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "test-results" / "bench"
PAGES = int(os.environ.get("BENCH_PAGES", "20000"))
DOCUMENTS = int(os.environ.get("BENCH_DOCUMENTS", "60000"))


def database_url():
    return os.environ.get("DATABASE_URL") or f"sqlite:///{OUT / 'bench.sqlite3'}"


def engine():
    return "postgresql" if database_url().startswith(("postgres", "pgsql")) else "sqlite"


def environment(debug=False):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.bench.settings",
        DATABASE_URL=database_url(),
        MEDIA_ROOT=str(OUT / "media"),
        DEBUG="true" if debug else "false",
        PYTHONPATH=str(ROOT),
    )
    return env


def run(*args, debug=False, check=True):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment(debug), capture_output=True, text=True, check=check
    )


QUERY_TIMEOUT = int(os.environ.get("BENCH_QUERY_TIMEOUT", "120"))


def run_timed(*args, timeout):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def probe(mode):
    return json.loads(run("-m", "tests.bench.probe", mode).stdout)


def query_counts(url_sets):
    """Queries of the first URL of each page type; ``{"timeout": seconds}`` when it takes longer than that."""
    counts = {}
    for kind, url_list in url_sets.items():
        try:
            out = run_timed("-m", "tests.bench.probe", "queries", url_list[0], timeout=QUERY_TIMEOUT).stdout
            counts[kind] = json.loads(out)
        except subprocess.TimeoutExpired:
            counts[kind] = {"url": url_list[0], "timeout": QUERY_TIMEOUT}
    return counts


def marker():
    key = hashlib.sha1(f"{database_url()}|{PAGES}|{DOCUMENTS}".encode(), usedforsecurity=False).hexdigest()[:10]
    return OUT / f"volume-{key}.json"


def volume_database():
    """The marker's record of the database at volume, building the database first when needed."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = marker()
    sqlite_file = OUT / "bench.sqlite3"
    complete = path.exists() and (engine() != "sqlite" or sqlite_file.exists())
    if complete and os.environ.get("BENCH_REBUILD") != "1":
        run("manage.py", "migrate", "--noinput", debug=True)  # code newer than the database: bring it level
        return json.loads(path.read_text())
    if engine() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_file}{suffix}").unlink(missing_ok=True)
    record = {"engine": engine(), "pages": PAGES, "documents": DOCUMENTS, "seconds": {}}
    started = time.monotonic()
    run("manage.py", "migrate", "--noinput", debug=True)
    record["seconds"]["migrate"] = round(time.monotonic() - started, 1)
    started = time.monotonic()
    run("manage.py", "load_demo_data", debug=True)
    record["seconds"]["load_demo_data"] = round(time.monotonic() - started, 1)
    record["base_queries"] = query_counts(probe("urls"))
    started = time.monotonic()
    generated = run(
        "manage.py", "generate_volume", f"--pages={PAGES}", f"--documents={DOCUMENTS}", debug=True, check=False
    )
    if generated.returncode != 0 and "already holds" not in generated.stderr:
        raise RuntimeError(f"generate_volume failed:\n{generated.stdout}\n{generated.stderr}")
    record["seconds"]["generate_volume"] = round(time.monotonic() - started, 1)
    record["generate_volume"] = (generated.stdout.strip().splitlines() or [""])[-1].split("\r")[-1]
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2))
    return record
