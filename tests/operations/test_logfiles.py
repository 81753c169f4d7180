"""Sealed logs: the hash chain finds edited, removed and re-ordered files; retention; export for a request."""

import datetime as dt
import gzip
import json

from django.core.checks.registry import registry
from django.core.management import CommandError, call_command

import pytest

from operations import logfiles
from operations.checks import traffic_log_retention


def write_gz(path, records):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")


@pytest.fixture
def logs(tmp_path, settings):
    settings.TRAFFIC_LOG_DIR = tmp_path
    write_gz(
        tmp_path / "access.log-20261101.gz", [{"time": "2026-11-01T10:00:00+07:00", "ip": "203.0.113.9", "user": None}]
    )
    (tmp_path / "auth.log-20261101").write_text('{"time": "2026-11-01T10:01:00+07:00", "event": "login", "user": 1}\n')
    (tmp_path / "access.log").write_text('{"time": "2026-12-03T09:00:00+07:00", "ip": "198.51.100.7", "user": 1}\n')
    return tmp_path


def verify_fails(directory, fragment):
    problems, _ = logfiles.verify(directory)
    assert any(fragment in p for p in problems), problems
    with pytest.raises(CommandError):
        call_command("verify_logs", dir=str(directory))


def test_sealing_chains_each_rotated_file_once(logs):
    sealed, expired, head = logfiles.seal(logs, today=dt.date(2026, 12, 3))
    assert sealed == ["access.log-20261101.gz", "auth.log-20261101"] and expired == []
    entries = logfiles.read_manifest(logs)
    assert entries[0]["prev"] == logfiles.GENESIS and entries[1]["prev"] == entries[0]["hash"] == entries[0]["hash"]
    assert head == entries[-1]["hash"]
    assert entries[1]["sha256"] == logfiles.file_sha256(logs / "auth.log-20261101")
    assert logfiles.seal(logs, today=dt.date(2026, 12, 3))[0] == []  # nothing new
    assert logfiles.verify(logs) == ([], [])
    call_command("verify_logs", dir=str(logs))


def test_an_edited_file_is_found(logs):
    logfiles.seal(logs)
    (logs / "auth.log-20261101").write_text('{"time": "2026-11-01T10:01:00+07:00", "event": "login", "user": 2}\n')
    verify_fails(logs, "auth.log-20261101 was changed")


def test_a_removed_file_is_found(logs):
    logfiles.seal(logs)
    (logs / "access.log-20261101.gz").unlink()
    verify_fails(logs, "access.log-20261101.gz is sealed but missing")


def test_an_edited_manifest_is_found_and_sealing_stops(logs):
    logfiles.seal(logs)
    manifest = logs / logfiles.MANIFEST
    entries = manifest.read_text().splitlines()
    first = json.loads(entries[0])
    first["sha256"] = "0" * 64
    manifest.write_text("\n".join([json.dumps(first, sort_keys=True), *entries[1:]]) + "\n")
    verify_fails(logs, "was changed after it was written")
    with pytest.raises(logfiles.ManifestError):
        logfiles.seal(logs)


def test_a_removed_manifest_entry_breaks_the_chain(logs):
    logfiles.seal(logs)
    manifest = logs / logfiles.MANIFEST
    manifest.write_text(manifest.read_text().splitlines()[1] + "\n")
    verify_fails(logs, "does not follow the entry before it")


def test_unsealed_rotated_files_are_noted(logs):
    assert logfiles.verify(logs)[1] == [
        "access.log-20261101.gz is not sealed yet",
        "auth.log-20261101 is not sealed yet",
    ]


def test_files_past_retention_are_deleted_on_record(logs, settings):
    settings.TRAFFIC_LOG_RETENTION_DAYS = 90
    logfiles.seal(logs, today=dt.date(2027, 1, 30))  # 2026-11-01 is 90 days back: kept
    assert (logs / "auth.log-20261101").exists()
    sealed, expired, _ = logfiles.seal(logs, today=dt.date(2027, 1, 31))
    assert expired == ["access.log-20261101.gz", "auth.log-20261101"]
    assert not (logs / "auth.log-20261101").exists() and (logs / "access.log").exists()
    assert logfiles.verify(logs) == ([], [])  # the deletion is on record, not a loss


def test_retention_below_ninety_days_is_refused_by_check_and_by_seal(logs, settings):
    settings.TRAFFIC_LOG_RETENTION_DAYS = 30
    assert [m.id for m in traffic_log_retention(None)] == ["operations.E001"]
    assert traffic_log_retention in registry.get_checks()
    logfiles.seal(logs, today=dt.date(2027, 1, 1))  # 61 days: still kept, 90 is the floor
    assert (logs / "auth.log-20261101").exists()
    settings.TRAFFIC_LOG_RETENTION_DAYS = 365
    assert traffic_log_retention(None) == []


def test_seal_command_prints_the_chain_head(logs, capsys):
    call_command("seal_logs", dir=str(logs))
    out = capsys.readouterr().out
    assert "sealed access.log-20261101.gz" in out
    assert f"chain head {logfiles.read_manifest(logs)[-1]['hash']}" in out


def test_export_by_buddhist_era_dates_and_address_is_itself_logged(logs, tmp_path_factory, caplog):
    caplog.set_level("INFO", logger="hodsite.auth")
    out = tmp_path_factory.mktemp("export") / "request-123.jsonl"
    call_command("export_traffic_logs", "--from", "2569-11-01", "--to", "2569-11-30", "--ip", "203.0.113.9",
                 "--reason", "หนังสือ สภ.ฮอด ที่ 123", "--output", str(out))  # fmt: skip
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["log"], r["ip"]) for r in records] == [("access", "203.0.113.9")]
    [audit] = [json.loads(r.getMessage()) for r in caplog.records if r.name == "hodsite.auth"]
    assert audit["event"] == "traffic_export" and audit["reason"] == "หนังสือ สภ.ฮอด ที่ 123"
    assert audit["lines"] == 1 and audit["filters"]["ip"] == "203.0.113.9" and len(audit["sha256"]) == 64


def test_export_by_user_reads_live_rotated_and_sign_in_logs(logs, tmp_path_factory, superuser):
    out = tmp_path_factory.mktemp("export") / "user.csv"
    call_command("export_traffic_logs", "--from", "2026-11-01", "--to", "2026-12-31", "--user", "1",
                 "--reason", "คำสั่งศาล", "--output", str(out))  # fmt: skip
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("time,log,event,ip")
    assert len(rows) == 3 and ",auth,login," in rows[1] and "198.51.100.7" in rows[2]


def test_export_refuses_a_bad_date(logs, tmp_path):
    with pytest.raises(CommandError, match="Not a date"):
        call_command("export_traffic_logs", "--from", "2569-13-01", "--to", "2569-12-01", "--reason", "x",
                     "--output", str(tmp_path / "x.csv"))  # fmt: skip
