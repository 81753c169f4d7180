"""``manage.py backup`` and ``restore``: back up, wipe, restore, and find every row and file as it was.

The suite runs on SQLite and on PostgreSQL (CI), so the same tests prove the sqlite3 backup API path and
the pg_dump/pg_restore path."""

import hashlib
import io
import json
import tarfile
from io import StringIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

import pytest

from eservices.models import Complaint
from home.models import HospitalDocument, HospitalImage, StandardPage
from home.storage import private_storage
from operations import backup
from tests.conftest import add_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.COMPLAINTS_PRIVATE_ROOT = str(tmp_path / "private")
    settings.BACKUP_DIR = str(tmp_path / "backups")
    return tmp_path


@pytest.fixture
def content(folders, home_page):
    """Pages, a document, an image and a complaint with its attachment: what a real backup must carry."""
    news = add_page(home_page, title="ข่าวประชาสัมพันธ์", slug="news")
    add_page(news, title="รับสมัครอาสาสมัคร", slug="volunteers", body=[("paragraph", "<p>รายละเอียด</p>")])
    doc = HospitalDocument(title="รายงานประจำปี 2568")
    doc.file.save("annual-report.pdf", ContentFile(b"%PDF-1.4\n" + "รายงาน".encode() * 100), save=False)
    doc.save()
    image = HospitalImage.objects.create(title="อาคารผู้ป่วยนอก", description="อาคาร", file=get_test_image_file())
    complaint = Complaint.objects.create(kind="service", subject="ห้องน้ำสกปรก", details="ชั้นสอง")
    complaint.attachment.save("photo.pdf", ContentFile(b"%PDF-1.4 attachment"), save=True)
    return {"doc": doc, "image": image, "complaint": complaint, "news": news}


def file_hashes():
    hashes = {}
    for area, storage in backup.file_areas().items():
        for name in backup.walk(storage):
            with storage.open(name, "rb") as handle:
                hashes[f"{area}/{name}"] = hashlib.sha256(handle.read()).hexdigest()
    return hashes


def key_rows():
    return {
        "pages": sorted(Page.objects.values_list("id", "title", "slug", "live")),
        "documents": sorted(HospitalDocument.objects.values_list("id", "title", "file")),
        "images": sorted(HospitalImage.objects.values_list("id", "title", "file")),
        "complaints": sorted(Complaint.objects.values_list("id", "subject", "attachment", "kind")),
    }


def run_backup(**options):
    out = StringIO()
    call_command("backup", stdout=out, **options)
    return Path(out.getvalue().strip().splitlines()[-1])


def rewrite(archive, change):
    """A copy of ``archive`` with ``change(name, data) -> data`` applied to every member."""
    target = archive.with_name("tampered-" + archive.name)
    with tarfile.open(archive) as source, tarfile.open(target, "w") as dest:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            dest.addfile(member, io.BytesIO(data))
    return target


def test_backup_wipe_restore_gives_back_every_row_and_file(content):
    rows_before, keys_before, files_before = backup.row_counts(), key_rows(), file_hashes()
    assert "private/" + content["complaint"].attachment.name in files_before
    assert "media/" + content["doc"].file.name in files_before

    path = run_backup()
    assert path.is_file() and path.name.startswith("hodsite-backup-") and path.suffix == ".tar"

    # wipe: rows gone, files gone, and something new that the restore must undo
    Complaint.objects.all().delete()
    HospitalDocument.objects.all().delete()
    HospitalImage.objects.all().delete()
    content["news"].get_children().delete()
    add_page(content["news"], title="หน้าที่สร้างหลังสำรอง", slug="after-backup")
    for storage in backup.file_areas().values():
        for name in list(backup.walk(storage)):
            storage.delete(name)
    assert file_hashes() == {}
    assert key_rows() != keys_before

    out = StringIO()
    call_command("restore", str(path), yes=True, stdout=out)
    assert "files written back" in out.getvalue()

    assert backup.row_counts() == rows_before
    assert key_rows() == keys_before
    assert file_hashes() == files_before
    assert not StandardPage.objects.filter(slug="after-backup").exists()
    complaint = Complaint.objects.get(pk=content["complaint"].pk)
    with complaint.attachment.open("rb") as handle:
        assert handle.read() == b"%PDF-1.4 attachment"


def test_the_manifest_records_versions_migrations_rows_and_every_file_hash(content):
    path = run_backup()
    with tarfile.open(path) as archive:
        names = set(archive.getnames())
        manifest = json.load(archive.extractfile("manifest.json"))
        for name, digest in manifest["files"].items():
            assert hashlib.sha256(archive.extractfile(name).read()).hexdigest() == digest
    assert manifest["engine"] == connection.vendor
    assert manifest["django"].startswith("5.2") and manifest["wagtail"].startswith("8.")
    assert "home.0010_periodic_lease" in manifest["migrations"]
    assert manifest["row_counts"]["eservices_complaint"] == 1
    assert manifest["row_counts"]["wagtailcore_page"] == Page.objects.count()
    assert manifest["database"] in {"database.sqlite3", "database.dump"}
    assert set(manifest["files"]) | {"manifest.json"} == names
    assert {"private/" + content["complaint"].attachment.name, "media/" + content["image"].file.name} <= names
    assert manifest["private_storage"] == "home.storage.PrivateFileSystemStorage"
    assert path.stat().st_mode & 0o077 == 0  # personal data: not readable by other users


def test_retention_keeps_the_newest_backups(folders):
    first, second, third = run_backup(), run_backup(), run_backup(keep=2)
    assert backup.list_backups() == [second, third]
    assert not first.exists()
    other = folders / "elsewhere"
    kept = run_backup(dest=str(other), keep=1)
    assert backup.list_backups(other) == [kept]
    assert len(backup.list_backups()) == 2  # the default folder is untouched


def test_backup_refuses_a_keep_of_zero(folders):
    with pytest.raises(CommandError, match="--keep"):
        call_command("backup", keep=0, stdout=StringIO())
    assert backup.list_backups() == []


def test_restore_refuses_without_yes(content):
    path = run_backup()
    Complaint.objects.all().delete()
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(path), stdout=StringIO())
    assert not Complaint.objects.exists()


def test_restore_refuses_a_backup_whose_files_do_not_match_the_manifest(content):
    path = run_backup()
    tampered = rewrite(path, lambda name, data: data + b"x" if name.startswith("private/") else data)
    Complaint.objects.all().delete()
    with pytest.raises(CommandError, match="SHA-256"):
        call_command("restore", str(tampered), yes=True, stdout=StringIO())
    assert not Complaint.objects.exists()  # nothing was touched


def test_restore_refuses_a_backup_of_another_database_engine(content):
    path = run_backup()
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"

    def change(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["engine"] = other
        return json.dumps(manifest).encode()

    tampered = rewrite(path, change)
    with pytest.raises(CommandError, match=f"holds a {other} database"):
        call_command("restore", str(tampered), yes=True, stdout=StringIO())


def test_restore_refuses_what_is_not_a_backup(folders):
    junk = folders / "hodsite-backup-junk.tar"
    junk.write_bytes(b"not a tar")
    with pytest.raises(CommandError, match="not a readable backup"):
        call_command("restore", str(junk), yes=True, stdout=StringIO())
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(folders / "missing.tar"), yes=True, stdout=StringIO())


def test_complaint_attachments_are_in_the_private_area_not_in_media(content):
    name = content["complaint"].attachment.name
    assert private_storage().exists(name)
    assert not storages["default"].exists(name)
