"""The traffic and sign-in log files: sealing, verification, retention and reading them back.

Files live in ``TRAFFIC_LOG_DIR``: the live ``*.log`` files (``access.log``, ``auth.log`` from Django, and
nginx's ``nginx-access.log``) and the files logrotate rotated out of them (``access.log-20261203.gz``).

Tamper evidence: ``seal_logs`` appends to ``manifest.jsonl`` one entry per newly rotated file, with the
file's SHA-256 and size; each entry carries the hash of the entry before it (``prev``) and its own hash over
its content and ``prev``, so the entries form a chain. ``verify_logs`` recomputes the chain and every sealed
file's hash: an edited, replaced or removed file, or an edited, removed or reordered manifest entry, is
reported. (Someone with root could rewrite the whole chain; the latest chain hash that ``seal_logs`` prints
and mails to ADMINS, and the backups, are the outside copies that show it.)

Retention: a sealed file whose last day is more than ``TRAFFIC_LOG_RETENTION_DAYS`` (at least 90, the
Computer Crime Act's minimum) before today is deleted by ``seal_logs`` and an ``expire`` entry is chained, so
the deletion itself is on record and ``verify_logs`` does not report it as missing.
"""

import datetime as dt
import fcntl
import gzip
import hashlib
import json
import os
import re
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.utils import timezone

MANIFEST = "manifest.jsonl"
GENESIS = "0" * 64
ROTATED = re.compile(r"\.log[-.](?P<stamp>[0-9]+)(\.gz)?$")
MINIMUM_RETENTION_DAYS = 90


class ManifestError(Exception):
    """The manifest's chain is broken: refuse to add to it until someone looks."""


def log_dir():
    return Path(settings.TRAFFIC_LOG_DIR)


def retention_days():
    return max(MINIMUM_RETENTION_DAYS, int(settings.TRAFFIC_LOG_RETENTION_DAYS))


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def entry_hash(entry):
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def rotated_files(directory):
    return sorted(p for p in Path(directory).iterdir() if p.is_file() and ROTATED.search(p.name))


def file_day(path):
    """The last day a rotated file holds: from logrotate's date suffix, else from its modification time."""
    stamp = ROTATED.search(path.name).group("stamp")
    if len(stamp) == 8:
        try:
            return dt.datetime.strptime(stamp, "%Y%m%d").date()
        except ValueError:
            pass
    return timezone.localtime(dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)).date()


def read_manifest(directory):
    path = Path(directory) / MANIFEST
    if not path.exists():
        return []
    entries = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                entries.append(json.loads(line))
            except ValueError:
                entries.append({"invalid_line": number})
    return entries


def chain_problems(entries):
    problems = []
    previous = GENESIS
    for position, entry in enumerate(entries, start=1):
        if "invalid_line" in entry:
            problems.append(f"manifest line {entry['invalid_line']} is not valid JSON")
            previous = None
            continue
        if entry.get("prev") != previous:
            problems.append(f"manifest entry {position} ({entry.get('file')}) does not follow the entry before it")
        if entry.get("hash") != entry_hash(entry):
            problems.append(f"manifest entry {position} ({entry.get('file')}) was changed after it was written")
        previous = entry.get("hash")
    return problems


def active_seals(entries):
    """name → the seal entry of each file sealed and not expired since."""
    active = {}
    for entry in entries:
        if entry.get("action") == "seal":
            active[entry["file"]] = entry
        elif entry.get("action") == "expire":
            active.pop(entry.get("file"), None)
    return active


@contextmanager
def _locked(directory):
    with open(Path(directory) / ".manifest.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _append(directory, entries, entry):
    entry["prev"] = entries[-1]["hash"] if entries else GENESIS
    entry["hash"] = entry_hash(entry)
    with open(Path(directory) / MANIFEST, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    entries.append(entry)


def seal(directory=None, today=None):
    """Seal newly rotated files, then expire sealed files past retention. Returns (sealed, expired, head)."""
    directory = Path(directory or log_dir())
    today = today or timezone.localdate()
    with _locked(directory):
        entries = read_manifest(directory)
        problems = chain_problems(entries)
        if problems:
            raise ManifestError("; ".join(problems))
        active = active_seals(entries)
        sealed, expired = [], []
        for path in rotated_files(directory):
            if path.name in active:
                continue
            _append(
                directory,
                entries,
                {
                    "action": "seal",
                    "file": path.name,
                    "sha256": file_sha256(path),
                    "size": path.stat().st_size,
                    "time": timezone.localtime().isoformat(timespec="seconds"),
                },
            )
            sealed.append(path.name)
        cutoff = today - dt.timedelta(days=retention_days())
        for name in sorted(active_seals(entries)):
            path = directory / name
            if path.exists() and file_day(path) < cutoff:
                path.unlink()
                _append(
                    directory,
                    entries,
                    {"action": "expire", "file": name, "time": timezone.localtime().isoformat(timespec="seconds")},
                )
                expired.append(name)
        head = entries[-1]["hash"] if entries else GENESIS
    return sealed, expired, head


def verify(directory=None):
    """(problems, notes): problems mean tampering or loss; notes are rotated files not sealed yet."""
    directory = Path(directory or log_dir())
    entries = read_manifest(directory)
    problems = chain_problems(entries)
    active = active_seals([e for e in entries if "invalid_line" not in e])
    for name, entry in sorted(active.items()):
        path = directory / name
        if not path.exists():
            problems.append(f"{name} is sealed but missing")
        elif file_sha256(path) != entry.get("sha256"):
            problems.append(f"{name} was changed after it was sealed")
    notes = [f"{p.name} is not sealed yet" for p in rotated_files(directory) if p.name not in active]
    return problems, notes


def _open_text(path):
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def log_files(directory, stem):
    """Rotated files of ``<stem>.log`` oldest first, then the live file."""
    directory = Path(directory)
    rotated = [p for p in rotated_files(directory) if p.name.startswith(f"{stem}.log")]
    live = directory / f"{stem}.log"
    return rotated + ([live] if live.exists() else [])


def read_lines(directory, stem):
    """Every JSON record of ``<stem>.log`` and its rotated files (lines that are not JSON are skipped)."""
    for path in log_files(directory, stem):
        with _open_text(path) as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict) and "time" in record:
                    yield record
