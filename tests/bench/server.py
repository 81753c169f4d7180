"""gunicorn for the benchmark (2 workers, DEBUG off), HTTP timings, worker memory and throughput."""

import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

from tests.bench.build import OUT, ROOT, environment

WORKERS = 2
TIMEOUT = 120  # gunicorn restarts a worker whose request takes longer
GIVE_UP_S = 30  # a pass over a page type stops after a request this slow (the run must end)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``gunicorn hodsite.wsgi`` on a free local port, with the benchmark's settings; stopped by ``stop``."""

    def __init__(self):
        self.port = free_port()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.log = (OUT / "gunicorn.log").open("w")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "hodsite.wsgi:application",
                f"--workers={WORKERS}",
                f"--bind=127.0.0.1:{self.port}",
                f"--timeout={TIMEOUT}",
            ],
            cwd=ROOT,
            env=environment(debug=False),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if get(self.port, "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"gunicorn did not start: see {OUT / 'gunicorn.log'}")

    def worker_rss_mb(self):
        """Resident memory of each worker process (MB), read from /proc."""
        sizes = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) != self.process.pid:
                    continue
                status = (stat.parent / "status").read_text()
            except (OSError, IndexError, ValueError):
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(round(int(line.split()[1]) / 1024, 1))
        return sorted(sizes)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def get(port, url):
    """One GET on a new connection (gunicorn's sync workers close each one): status, seconds, headers."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT + 10)
    try:
        connection.request("GET", quote(url, safe="/?=&%:+-_."), headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started, dict(response.getheaders())
    finally:
        connection.close()


def percentile(values, share):
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[round(share * 100) - 1]


def timings(port, urls, rounds=1):
    """Milliseconds of each request of ``rounds`` passes over ``urls``, and the statuses seen.

    A pass stops after a request slower than ``GIVE_UP_S`` (``stopped`` says so)."""
    millis, statuses, stopped = [], set(), False
    for _ in range(rounds):
        for url in urls:
            try:
                status, seconds, _headers = get(port, url)
            except OSError:
                status, seconds = "no answer", TIMEOUT
            statuses.add(status)
            millis.append(seconds * 1000)
            if seconds > GIVE_UP_S:
                stopped = True
                break
        if stopped:
            break
    return {
        "n": len(millis),
        "p50_ms": round(percentile(millis, 0.5), 1),
        "p95_ms": round(percentile(millis, 0.95), 1),
        "statuses": sorted(statuses, key=str),
        "stopped": stopped,
    }


def throughput(port, url, clients=8, seconds=10.0):
    """Requests per second of ``clients`` concurrent clients asking for ``url`` for ``seconds``."""
    done, failed = [0] * clients, [0] * clients
    stop_at = time.monotonic() + seconds

    def client(i):
        while time.monotonic() < stop_at:
            try:
                status = get(port, url)[0]
            except OSError:
                status = None
            if status == 200:
                done[i] += 1
            else:
                failed[i] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests_per_s": round(sum(done) / elapsed, 1),
        "failed": sum(failed),
    }


def cpu_count():
    return os.cpu_count()
