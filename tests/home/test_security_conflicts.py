"""Two people edit one page: the older form is refused with a Thai message, keeps what was typed, and
saving it again is refused again; nothing of the first person's work is overwritten."""

import re

import pytest

from home.models import StandardPage
from tests.conftest import add_page
from tests.publishing.conftest import hospital  # noqa: F401 — fixture


def edit_form_data(html):
    """The hidden inputs and values a browser would post back, from the edit page."""
    data = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html):
        data[name] = value
    return data


@pytest.fixture
def item(hospital):  # noqa: F811
    return add_page(hospital["news"], StandardPage, title="ประกาศวันหยุด", slug="holiday", intro="เดิม")


def open_form(client, page):
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    data = edit_form_data(html)
    assert "loaded_revision_id" in data
    return data


def post(client, page, loaded, **fields):
    data = {
        "title": "ประกาศวันหยุด",
        "slug": "holiday",
        "intro": "เดิม",
        "body-count": "0",
        "loaded_revision_id": loaded["loaded_revision_id"],
        "loaded_revision_created_at": loaded["loaded_revision_created_at"],
        **fields,
    }
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_older_form_is_refused_with_who_and_when_and_keeps_the_typed_text(client, hospital, item):  # noqa: F811
    editor, editor2 = hospital["users"]["editor"], hospital["users"]["editor2"]
    first, second = client, client.__class__()
    first.force_login(editor)
    second.force_login(editor2)
    form_one = open_form(first, item)
    form_two = open_form(second, item)

    saved = post(first, item, form_one, intro="ฉบับของคนแรก")
    assert saved.status_code == 302
    item.refresh_from_db()
    latest = item.get_latest_revision()
    assert latest.user == editor

    refused = post(second, item, form_two, intro="ฉบับของคนที่สอง ที่พิมพ์ไว้ยาว")
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "ไม่ได้บันทึก" in html
    assert editor.get_username() in html or editor.get_full_name() in html
    assert "ฉบับของคนที่สอง ที่พิมพ์ไว้ยาว" in html, "what the second person typed is still in the form"
    assert f"/admin/pages/{item.pk}/edit/" in html and 'target="_blank"' in html
    item.refresh_from_db()
    assert item.get_latest_revision().pk == latest.pk, "no new revision"
    assert item.get_latest_revision().as_object().intro == "ฉบับของคนแรก"

    # The form came back with the revision it was opened on: saving it again is refused again.
    again = edit_form_data(html)
    assert again["loaded_revision_id"] == form_two["loaded_revision_id"]
    assert post(second, item, again, intro="ลองอีกครั้ง").status_code == 409
    item.refresh_from_db()
    assert item.get_latest_revision().pk == latest.pk

    # Opening the latest version and saving works.
    fresh = open_form(second, item)
    assert post(second, item, fresh, intro="รวมของทั้งสองคน").status_code == 302
    item.refresh_from_db()
    assert item.get_latest_revision().as_object().intro == "รวมของทั้งสองคน"


def test_a_form_on_the_latest_revision_saves(client, hospital, item):  # noqa: F811
    client.force_login(hospital["users"]["editor"])
    form = open_form(client, item)
    assert post(client, item, form, intro="แก้ไขแล้ว").status_code == 302
    form = open_form(client, item)
    assert post(client, item, form, intro="แก้ไขอีกครั้ง").status_code == 302
    item.refresh_from_db()
    assert item.get_latest_revision().as_object().intro == "แก้ไขอีกครั้ง"
