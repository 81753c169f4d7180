"""Export traffic and sign-in records for an authorised request (police, court, the Ministry's officer).

    manage.py export_traffic_logs --from 2569-01-01 --to 2569-01-31 --ip 203.0.113.9 \
        --reason "หนังสือ สภ.ฮอด ที่ ชม 0000/123" --output /root/export-123.csv

Dates are YYYY-MM-DD in the Buddhist Era (years after 2400) or the Common Era, both days included, local
time. ``--ip`` and/or ``--user`` (id or username) narrow the export. The export is itself recorded in the
sign-in log (who ran it on the server, why, the filters, how many lines, the file's SHA-256).
"""

import csv
import datetime as dt
import getpass
import hashlib
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from operations.logfiles import log_dir, read_lines
from operations.traffic import auth_event

FIELDS = ["time", "log", "event", "ip", "method", "path", "status", "bytes", "user", "username", "ms"]
BE_OFFSET = 543


def parse_day(text):
    try:
        year, month, day = (int(part) for part in text.split("-"))
        if year > 2400:
            year -= BE_OFFSET
        return dt.date(year, month, day)
    except ValueError:
        raise CommandError(f"Not a date (YYYY-MM-DD, e.g. 2569-01-31): {text!r}")


def record_day(record):
    try:
        return dt.datetime.fromisoformat(record["time"]).date()
    except (TypeError, ValueError):
        return None


class Command(BaseCommand):
    help = "Export traffic and sign-in log records by date range, address and/or user, for an authorised request."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="first day, e.g. 2569-01-01")
        parser.add_argument("--to", dest="end", required=True, help="last day, e.g. 2569-01-31")
        parser.add_argument("--ip", help="client address")
        parser.add_argument("--user", help="user id or username")
        parser.add_argument("--reason", required=True, help="the request's reference (letter number, court order)")
        parser.add_argument("--output", required=True, help="file to write: .csv, otherwise JSON lines")
        parser.add_argument("--dir", help="log folder (default: TRAFFIC_LOG_DIR)")

    def _user_id(self, value):
        if value is None:
            return None
        if value.isdigit():
            return int(value)
        user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: value}).first()
        if user is None:
            raise CommandError(f"No user {value!r}")
        return user.pk

    def handle(self, *args, **options):
        start, end = parse_day(options["start"]), parse_day(options["end"])
        if end < start:
            raise CommandError("--to is before --from")
        directory = Path(options["dir"] or log_dir())
        user_id = self._user_id(options["user"])
        ip = options["ip"]

        def wanted(record):
            day = record_day(record)
            if day is None or not start <= day <= end:
                return False
            if ip and record.get("ip") != ip:
                return False
            return user_id is None or record.get("user") == user_id

        records = []
        for stem in ("access", "auth"):
            records += [dict(r, log=stem) for r in read_lines(directory, stem) if wanted(r)]
        records.sort(key=lambda r: r["time"])

        output = Path(options["output"])
        if output.suffix.lower() == ".csv":
            with open(output, "w", newline="", encoding="utf-8-sig") as handle:
                writer = csv.DictWriter(handle, fieldnames=FIELDS, extrasaction="ignore")
                writer.writeheader()
                writer.writerows(records)
        else:
            with open(output, "w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        digest = hashlib.sha256(output.read_bytes()).hexdigest()
        auth_event(
            "traffic_export",
            None,
            username=getpass.getuser(),
            reason=options["reason"],
            filters={"from": start.isoformat(), "to": end.isoformat(), "ip": ip, "user": user_id},
            lines=len(records),
            sha256=digest,
        )
        self.stdout.write(f"{len(records)} record(s) written to {output} (SHA-256 {digest})")
