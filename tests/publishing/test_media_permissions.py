"""Every role's documents and images: editors and heads upload into their unit's collection and choose any
public file; another unit's private collection stays out of their chooser (issue #14, item 1)."""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission

import pytest

from home.roles import DIRECTOR
from publishing.setup import setup_roles

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# role -> may open the documents and images listings and upload
UPLOADERS = {"editor": True, "head": True, "other_editor": True, "webmaster": True, "director": False}


def make_document(title, collection):
    document = get_document_model()(title=title, collection=collection)
    document.file.save("file.pdf", ContentFile(PDF), save=False)
    document.save()
    return document


def upload(client, collection, title="คำสั่งแต่งตั้งคณะทำงาน"):
    return client.post(
        "/admin/documents/add/",
        {"title": title, "file": SimpleUploadedFile("order.pdf", PDF), "collection": collection.pk},
    )


def test_every_unit_gets_its_own_collection_once(hospital):
    pr, strategy = hospital["pr"], hospital["strategy"]
    pr.refresh_from_db()
    assert pr.collection.name == "งานประชาสัมพันธ์"
    assert pr.collection.get_parent() == Collection.get_first_root_node()
    assert strategy.collection_id and strategy.collection_id != pr.collection_id
    count = Collection.objects.count()
    assert setup_roles().created == []
    assert Collection.objects.count() == count


@pytest.mark.parametrize("role", sorted(UPLOADERS))
def test_who_may_open_the_documents_and_images_listings(client, hospital, role):
    client.force_login(hospital["users"][role])
    for url in ("/admin/documents/", "/admin/images/", "/admin/documents/add/"):
        response = client.get(url)
        assert (response.status_code == 200) is UPLOADERS[role], f"{role} {url} {response.status_code}"


@pytest.mark.parametrize("role", sorted(UPLOADERS))
def test_every_role_may_open_the_choosers(client, hospital, role):
    client.force_login(hospital["users"][role])
    assert client.get("/admin/documents/chooser/").status_code == 200
    assert client.get("/admin/images/chooser/").status_code == 200


def test_an_editor_uploads_into_the_units_collection_only(client, hospital):
    pr, strategy = hospital["pr"], hospital["strategy"]
    pr.refresh_from_db()
    strategy.refresh_from_db()
    client.force_login(hospital["users"]["editor"])
    form = client.get("/admin/documents/add/").context["form"]
    # Wagtail drops the field when one collection is allowed, and files the upload there.
    assert "collection" not in form.fields or {c.pk for c in form.fields["collection"].queryset} == {pr.collection_id}
    assert upload(client, pr.collection).status_code == 302
    document = get_document_model().objects.get()
    assert document.collection_id == pr.collection_id
    assert document.uploaded_by_user == hospital["users"]["editor"]
    # Asking for another unit's collection does not put a file there.
    upload(client, strategy.collection, title="ลองใส่ของงานอื่น")
    assert not get_document_model().objects.filter(collection=strategy.collection).exists()


def test_the_chooser_offers_an_upload_tab_to_an_editor(client, hospital):
    pr = hospital["pr"]
    pr.refresh_from_db()
    client.force_login(hospital["users"]["editor"])
    response = client.get("/admin/documents/chooser/")
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'id="tab-upload"' in html and "document-chooser-upload-file" in html


def test_an_editor_never_chooses_another_units_private_documents(client, hospital):
    pr, strategy = hospital["pr"], hospital["strategy"]
    pr.refresh_from_db()
    strategy.refresh_from_db()
    ours = pr.collection.add_child(name="ภายในงานประชาสัมพันธ์")
    theirs = strategy.collection.add_child(name="ภายในยุทธศาสตร์")
    for collection in (ours, theirs):
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    make_document("ประกาศยุทธศาสตร์", strategy.collection)
    make_document("ร่างแผนลับของยุทธศาสตร์", theirs)
    make_document("ร่างข่าวภายใน", ours)

    def titles(user):
        client.force_login(user)
        html = client.get("/admin/documents/chooser/results/").content.decode()
        return {t for t in ("ประกาศยุทธศาสตร์", "ร่างแผนลับของยุทธศาสตร์", "ร่างข่าวภายใน") if t in html}

    users = hospital["users"]
    assert titles(users["editor"]) == {"ประกาศยุทธศาสตร์", "ร่างข่าวภายใน"}
    assert titles(users["head"]) == {"ประกาศยุทธศาสตร์", "ร่างข่าวภายใน"}
    assert titles(users["other_editor"]) == {"ประกาศยุทธศาสตร์", "ร่างแผนลับของยุทธศาสตร์"}
    assert titles(users["webmaster"]) == {"ประกาศยุทธศาสตร์"}


def test_permissions_wagtail_never_reads_are_removed(hospital):
    from django.contrib.auth.models import Permission

    stale = Permission.objects.get(codename="add_hospitaldocument", content_type__app_label="home")
    director = Group.objects.get(name=DIRECTOR)
    GroupCollectionPermission.objects.create(
        group=director, collection=Collection.get_first_root_node(), permission=stale
    )
    report = setup_roles()
    assert not GroupCollectionPermission.objects.filter(permission=stale).exists()
    assert any("removed" in line for line in report.created)


@pytest.mark.django_db
def test_the_root_collection_every_unit_collection_sits_under_has_a_thai_name():
    from wagtail.models import Collection

    assert Collection.get_first_root_node().name == "คลังกลางของโรงพยาบาล"
