"""Backups of the whole site, and restoring one: the database, the media and the complaint attachments.

One backup is one uncompressed ``.tar`` in ``BACKUP_DIR`` named ``hodsite-backup-<UTC time>.tar`` (written
as ``.partial`` and renamed when complete, so a half-written backup is never taken for one). Inside:

- ``database.sqlite3`` (SQLite's online backup API: consistent while the site runs) or ``database.dump``
  (PostgreSQL ``pg_dump -Fc``, itself compressed);
- ``media/…`` every object of the default storage (the media folder, or the media bucket in the S3
  profile) and ``private/…`` every complaint attachment (``home.storage.private_storage``);
- ``manifest.json``: time, engine, Django/Wagtail versions, applied migrations, row counts per table and
  the SHA-256 of every file above.

``restore`` checks every hash and the engine before it touches anything, then restores the database
(SQLite backup API / ``pg_restore --clean --if-exists --single-transaction``) and writes back every file
that differs, and finally compares the row counts with the manifest.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess  # noqa: S404 — pg_dump / pg_restore with fixed arguments, no shell
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django import get_version
from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from wagtail import __version__ as wagtail_version

from home.storage import private_storage

FORMAT = 1
PREFIX = "hodsite-backup-"
SUFFIX = ".tar"
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


# --- what is backed up ---------------------------------------------------------------------------


def file_areas():
    """The storages whose files a backup holds, by the folder they take inside the archive."""
    return {"media": storages["default"], "private": private_storage()}


def walk(storage, folder=""):
    """Every file name in ``storage`` below ``folder`` (works for a local folder and for a bucket)."""
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:  # a media folder that was never created
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(dirs):
        yield from walk(storage, f"{folder}/{name}" if folder else name)


def row_counts():
    """Rows per table of the site's database, by table name."""
    counts = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 — names from the catalog, quoted
            counts[table] = cursor.fetchone()[0]
    return counts


def applied_migrations():
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


class _HashingReader:
    """A file wrapper that hashes what tarfile reads through it."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


# --- the database --------------------------------------------------------------------------------


def _pg_command(program, settings_dict):
    command = [program]
    if settings_dict.get("HOST"):
        command += ["-h", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        command += ["-p", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        command += ["-U", settings_dict["USER"]]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]  # never on the command line, where ps shows it
    sslmode = (settings_dict.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return command, env


def _pg_client_major(program):
    if not shutil.which(program):
        raise BackupError(f"{program} not found: install the PostgreSQL client (apt-get install postgresql-client).")
    out = subprocess.run([program, "--version"], capture_output=True, text=True, check=True).stdout  # noqa: S603
    match = re.search(r"(\d+)(?:\.\d+)?", out)
    if not match:
        raise BackupError(f"Cannot read the version of {program}: {out.strip()}")
    return int(match.group(1))


def _check_pg_versions(program):
    connection.ensure_connection()
    server = connection.pg_version // 10000
    client = _pg_client_major(program)
    if client < server:
        raise BackupError(
            f"{program} {client} is older than the PostgreSQL server ({server}); install postgresql-client-{server}."
        )


def dump_database(target_dir):
    """Write the database into ``target_dir``; returns the file's name and the rows per table it holds.

    The counts and the copy come from one snapshot, so a backup taken while the site runs still matches."""
    if connection.vendor == "sqlite":
        path = Path(target_dir) / "database.sqlite3"
        with transaction.atomic():  # one read transaction: counts and copy see the same database
            counts = row_counts()
            destination = sqlite3.connect(path)
            try:
                connection.connection.backup(destination)
            finally:
                destination.close()
        return path.name, counts
    if connection.vendor == "postgresql":
        _check_pg_versions("pg_dump")
        path = Path(target_dir) / "database.dump"
        command, env = _pg_command("pg_dump", connection.settings_dict)
        with transaction.atomic():
            with connection.cursor() as cursor:
                # pg_dump --snapshot reads the very snapshot in which we counted the rows
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            counts = row_counts()
            command += ["-Fc", "--no-owner", "--no-privileges", f"--snapshot={snapshot}", "-f", str(path)]
            command.append(connection.settings_dict["NAME"])
            result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
        if result.returncode:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        return path.name, counts
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")


def load_database(path):
    """Replace the site's database with the one in ``path``."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        if connection.in_atomic_block:
            raise BackupError("Cannot restore SQLite inside a transaction.")
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    _check_pg_versions("pg_restore")
    connection.close()  # our own idle connection must not hold locks on the tables being dropped
    command, env = _pg_command("pg_restore", connection.settings_dict)
    command += [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "-d",
        connection.settings_dict["NAME"],
        str(path),
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode:
        raise BackupError(f"pg_restore failed (the database is unchanged): {result.stderr.strip()}")


# --- backup --------------------------------------------------------------------------------------


def backup_dir(dest=None):
    return Path(dest or settings.BACKUP_DIR)


def list_backups(dest=None):
    """Complete backups in ``dest``, oldest first (the names sort by time)."""
    folder = backup_dir(dest)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX))


def prune(keep, dest=None):
    """Delete the oldest backups beyond ``keep``; returns the deleted paths."""
    if keep < 1:
        raise BackupError("--keep must be at least 1.")
    backups = list_backups(dest)
    old = backups[:-keep]
    for path in old:
        path.unlink()
    return old


def create_backup(dest=None, keep=None):
    """Write one backup and apply retention; returns the new backup's path."""
    folder = backup_dir(dest)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    now = datetime.now(UTC)
    final = folder / f"{PREFIX}{now:%Y%m%dT%H%M%S.%f}Z{SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    files = {}
    try:
        with tempfile.TemporaryDirectory(dir=folder, prefix=".staging-") as staging:
            manifest = {
                "format": FORMAT,
                "created_at": now.isoformat(),
                "engine": connection.vendor,
                "django": get_version(),
                "wagtail": wagtail_version,
                "migrations": applied_migrations(),
            }
            db_name, manifest["row_counts"] = dump_database(staging)
            manifest["database"] = db_name
            partial.touch(mode=0o600)  # complaints and staff e-mails: readable by the site's user only
            with tarfile.open(partial, "w") as archive:
                db_path = Path(staging) / db_name
                files[db_name] = sha256_file(db_path)
                archive.add(db_path, arcname=db_name)
                for area, storage in file_areas().items():
                    cls = storage.__class__  # through home.storage's lazy wrapper to the real backend
                    manifest[f"{area}_storage"] = f"{cls.__module__}.{cls.__qualname__}"
                    for name in walk(storage):
                        arcname = f"{area}/{name}"
                        info = tarfile.TarInfo(arcname)
                        info.size = storage.size(name)
                        info.mtime = int(now.timestamp())
                        with storage.open(name, "rb") as handle:
                            reader = _HashingReader(handle)
                            archive.addfile(info, reader)
                        files[arcname] = reader.digest.hexdigest()
                manifest["files"] = files
                data = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(data)
                info.mtime = int(now.timestamp())
                archive.addfile(info, _BytesReader(data))
        partial.rename(final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    prune(keep if keep is not None else settings.BACKUP_KEEP, folder)
    return final


class _BytesReader:
    def __init__(self, data):
        self.data, self.position = data, 0

    def read(self, size=-1):
        end = len(self.data) if size is None or size < 0 else self.position + size
        chunk = self.data[self.position : end]
        self.position += len(chunk)
        return chunk


# --- restore -------------------------------------------------------------------------------------


def open_backup(path, workdir):
    """Unpack ``path`` into ``workdir`` and check it; returns the manifest. Refuses a damaged backup."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    try:
        with tarfile.open(path, "r") as archive:
            archive.extractall(workdir, filter="data")  # no absolute paths, links or devices
    except tarfile.TarError as error:
        raise BackupError(f"{path} is not a readable backup archive: {error}")
    try:
        manifest = json.loads((Path(workdir) / MANIFEST).read_text())
    except (OSError, ValueError):
        raise BackupError(f"{path} has no readable {MANIFEST}: not a backup of this site, or damaged.")
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Backup format {manifest.get('format')!r} is not supported (expected {FORMAT}).")
    bad = []
    for name, digest in manifest.get("files", {}).items():
        member = Path(workdir) / name
        if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
            bad.append(name)
        elif not member.is_file() or sha256_file(member) != digest:
            bad.append(name)
    if bad or manifest.get("database") not in manifest.get("files", {}):
        listed = ", ".join(bad[:5]) or manifest.get("database", "database")
        raise BackupError(f"Backup refused: {len(bad) or 1} file(s) do not match the manifest's SHA-256 ({listed}).")
    if manifest.get("engine") != connection.vendor:
        raise BackupError(
            f"Backup refused: it holds a {manifest.get('engine')} database and this site uses {connection.vendor}. "
            "Restore it on a site with the same database engine (convert with dumpdata/loaddata if you must move)."
        )
    return manifest


def restore_backup(path, stdout=None):
    """Restore the database and files of the backup at ``path``; returns a summary dict."""
    path = Path(path)
    # unpack beside the archive (the same disk, sized for backups) unless that folder is read-only
    scratch = path.parent if os.access(path.parent, os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=scratch, prefix=".restore-") as workdir:
        manifest = open_backup(path, workdir)
        load_database(Path(workdir) / manifest["database"])
        written = 0
        areas = file_areas()
        for name, digest in manifest["files"].items():
            area, _, relative = name.partition("/")
            if area not in areas:
                continue
            storage = areas[area]
            if storage.exists(relative):
                with storage.open(relative, "rb") as handle:
                    current = hashlib.sha256()
                    for chunk in iter(lambda handle=handle: handle.read(CHUNK), b""):
                        current.update(chunk)
                if current.hexdigest() == digest:
                    continue
                storage.delete(relative)
            with open(Path(workdir) / name, "rb") as handle:
                saved = storage.save(relative, File(handle))
            if saved != relative:
                raise BackupError(f"Could not write {relative} back (the storage named it {saved}).")
            written += 1
    counts = row_counts()
    differ = {t: (n, counts.get(t)) for t, n in manifest["row_counts"].items() if counts.get(t) != n}
    if differ:
        raise BackupError(f"Restored, but row counts differ from the backup's manifest: {differ}")
    return {"files_written": written, "tables": len(counts), "created_at": manifest["created_at"]}
