"""The scale-out profile: media in an S3-compatible bucket (moto's server on 127.0.0.1 stands in for it).

An upload through the admin lands in the bucket; the public gets images from the bucket and documents only
through Django, so a document of a private collection is reachable neither through the site nor from the
bucket; complaint attachments go to the private bucket, never the media bucket; the backup copies both."""

import hashlib
import json
import tarfile
import urllib.error
import urllib.request
from io import StringIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from eservices.models import Complaint
from hodsite.settings.storage import public_read_policy, s3_storages
from home.models import HospitalDocument, HospitalImage

boto3 = pytest.importorskip("boto3")
moto_server = pytest.importorskip("moto.server")

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MEDIA, PRIVATE = "hodsite-media", "hodsite-private"


@pytest.fixture(scope="module")
def s3_endpoint():
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint, settings, monkeypatch):
    """Fresh buckets set up as docs/production.md says, and the S3 profile in the settings."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    for bucket in (MEDIA, PRIVATE):
        if bucket in [b["Name"] for b in client.list_buckets()["Buckets"]]:
            for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
                client.delete_object(Bucket=bucket, Key=item["Key"])
        else:
            client.create_bucket(Bucket=bucket)
    client.put_bucket_policy(Bucket=MEDIA, Policy=public_read_policy(MEDIA))
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(
            bucket=MEDIA,
            private_bucket=PRIVATE,
            endpoint_url=s3_endpoint,
            region_name="us-east-1",
            access_key="testing",
            secret_key="testing",
            addressing_style="path",
        ),
    }
    return client


def keys(client, bucket):
    return {item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])}


def anonymous_get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 — the local moto server
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_a_document_uploaded_in_the_admin_lands_in_the_bucket_and_the_site_serves_it(client, superuser, s3):
    client.force_login(superuser)
    response = client.post(
        "/admin/documents/add/",
        {"title": "ประกาศ", "file": SimpleUploadedFile("notice.pdf", PDF, "application/pdf"), "collection": 1},
    )
    assert response.status_code == 302
    doc = HospitalDocument.objects.get()
    assert doc.file.name in keys(s3, MEDIA)
    assert s3.get_object(Bucket=MEDIA, Key=doc.file.name)["Body"].read() == PDF
    client.logout()
    served = client.get(doc.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == PDF
    assert doc.url.startswith("/documents/")  # through Django, never the bucket's address


def test_a_private_document_is_reachable_neither_through_the_site_nor_from_the_bucket(client, s3, s3_endpoint):
    root = Collection.get_first_root_node()
    staff_only = root.add_child(name="เอกสารภายใน")
    CollectionViewRestriction.objects.create(collection=staff_only, restriction_type="login")
    doc = HospitalDocument(title="บันทึกภายใน", collection=staff_only)
    doc.file.save("internal.pdf", ContentFile(PDF), save=False)
    doc.save()
    assert doc.file.name in keys(s3, MEDIA)
    response = client.get(doc.url)
    assert response.status_code == 302 and "/login" in response["Location"]
    status, body = anonymous_get(f"{s3_endpoint}/{MEDIA}/{doc.file.name}")
    assert status == 403 and PDF not in body


def test_public_images_come_from_the_bucket(s3, s3_endpoint):
    image = HospitalImage.objects.create(title="อาคาร", description="อาคาร", file=get_test_image_file())
    url = image.file.url
    assert url.startswith(f"{s3_endpoint}/{MEDIA}/original_images/") and "Signature" not in url
    status, body = anonymous_get(url)
    assert status == 200 and body == s3.get_object(Bucket=MEDIA, Key=image.file.name)["Body"].read()
    rendition = image.get_rendition("fill-80x60")
    assert anonymous_get(rendition.url)[0] == 200


def test_complaint_attachments_go_to_the_private_bucket_only(s3, s3_endpoint):
    complaint = Complaint.objects.create(kind="service", subject="ทดสอบ", details="รายละเอียด")
    complaint.attachment.save("evidence.pdf", ContentFile(PDF), save=True)
    assert complaint.attachment.name in keys(s3, PRIVATE)
    assert keys(s3, MEDIA) == set()
    assert anonymous_get(f"{s3_endpoint}/{PRIVATE}/{complaint.attachment.name}")[0] == 403


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_backup_copies_the_buckets_and_the_restore_puts_objects_back(s3, settings, tmp_path):
    settings.BACKUP_DIR = str(tmp_path)
    doc = HospitalDocument(title="แผน")
    doc.file.save("plan.pdf", ContentFile(PDF), save=False)
    doc.save()
    complaint = Complaint.objects.create(kind="service", subject="ทดสอบ", details="รายละเอียด")
    complaint.attachment.save("evidence.pdf", ContentFile(b"%PDF-1.4 evidence"), save=True)
    out = StringIO()
    call_command("backup", stdout=out)
    path = Path(out.getvalue().strip().splitlines()[-1])
    with tarfile.open(path) as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
    assert manifest["files"]["media/" + doc.file.name] == hashlib.sha256(PDF).hexdigest()
    assert "private/" + complaint.attachment.name in manifest["files"]
    assert manifest["media_storage"] == "storages.backends.s3.S3Storage"
    s3.delete_object(Bucket=MEDIA, Key=doc.file.name)
    s3.delete_object(Bucket=PRIVATE, Key=complaint.attachment.name)
    call_command("restore", str(path), yes=True, stdout=StringIO())
    assert s3.get_object(Bucket=MEDIA, Key=doc.file.name)["Body"].read() == PDF
    assert s3.get_object(Bucket=PRIVATE, Key=complaint.attachment.name)["Body"].read() == b"%PDF-1.4 evidence"
