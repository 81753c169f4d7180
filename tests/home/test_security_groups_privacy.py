"""No Wagtail default groups, no shared-password privacy, and private collections out of the document chooser."""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from publishing.setup import setup_roles
from tests.publishing.conftest import hospital  # noqa: F401 — fixture

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_wagtail_default_groups_are_gone_after_migrate(db):
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_setup_roles_removes_them_again_if_they_reappear(home_page):
    Group.objects.create(name="Moderators")
    Group.objects.create(name="Editors")
    report = setup_roles()
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert any("Moderators" in line for line in report.created)
    assert not any("Moderators" in line for line in setup_roles().created), "idempotent"


def test_privacy_forms_offer_no_shared_password(client, superuser, section):
    client.force_login(superuser)
    page = client.get(f"/admin/pages/{section.pk}/privacy/").json()["html"]
    assert f'value="{PageViewRestriction.PASSWORD}"' not in page
    assert f'value="{PageViewRestriction.LOGIN}"' in page
    collection = Collection.get_first_root_node().add_child(name="ลับ")
    html = client.get(f"/admin/collections/{collection.pk}/privacy/").json()["html"]
    assert f'value="{CollectionViewRestriction.PASSWORD}"' not in html


def make_document(title, collection):
    document = get_document_model()(title=title, collection=collection)
    document.file.save("file.pdf", ContentFile(PDF), save=False)
    document.save()
    return document


@pytest.fixture
def private_collection(hospital):  # noqa: F811
    root = Collection.get_first_root_node()
    secret = root.add_child(name="เอกสารภายในกลุ่มงานการเงิน")
    inner = secret.add_child(name="ร่างงบประมาณ")
    restriction = CollectionViewRestriction.objects.create(
        collection=secret, restriction_type=CollectionViewRestriction.GROUPS
    )
    finance = Group.objects.create(name="การเงิน")
    restriction.groups.add(finance)
    make_document("ประกาศสาธารณะ", root)
    make_document("บันทึกเงินเดือนลับ", secret)
    make_document("ร่างงบประมาณลับ", inner)
    return {"secret": secret, "finance": finance}


def chooser_titles(client):
    html = client.get("/admin/documents/chooser/results/").content.decode()
    return {title for title in ("ประกาศสาธารณะ", "บันทึกเงินเดือนลับ", "ร่างงบประมาณลับ") if title in html}


def test_editor_chooser_lists_no_private_collection_documents(client, hospital, private_collection):  # noqa: F811
    client.force_login(hospital["users"]["editor"])
    assert chooser_titles(client) == {"ประกาศสาธารณะ"}
    client.force_login(hospital["users"]["webmaster"])
    assert chooser_titles(client) == {"ประกาศสาธารณะ"}


def test_members_of_the_restricted_group_and_superusers_see_them(client, hospital, private_collection, superuser):  # noqa: F811
    editor = hospital["users"]["editor"]
    editor.groups.add(private_collection["finance"])
    client.force_login(editor)
    assert chooser_titles(client) == {"ประกาศสาธารณะ", "บันทึกเงินเดือนลับ", "ร่างงบประมาณลับ"}
    client.force_login(superuser)
    assert len(chooser_titles(client)) == 3


def test_a_permission_on_the_private_collection_itself_lets_a_group_choose(client, hospital, private_collection):  # noqa: F811
    from django.contrib.auth.models import Permission

    from wagtail.models import GroupCollectionPermission

    head = hospital["users"]["head"]
    GroupCollectionPermission.objects.create(
        group=hospital["pr"].head_group,
        collection=private_collection["secret"],
        permission=Permission.objects.get(codename="choose_document", content_type__app_label="home"),
    )
    client.force_login(head)
    assert len(chooser_titles(client)) == 3
    client.force_login(hospital["users"]["editor"])
    assert chooser_titles(client) == {"ประกาศสาธารณะ"}
