"""The admin speaks Thai and names the hospital: no "Wagtail" in titles, no "None" in page search counts."""

import re

import pytest

from tests.conftest import add_page


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def test_sign_in_page_names_the_hospital_not_wagtail(client, db):
    html = client.get("/admin/login/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "Wagtail" not in title and "โรงพยาบาลฮอด" in title
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert "Wagtail" not in heading and "โรงพยาบาลฮอด" in heading


def test_every_admin_title_ends_with_the_hospital_name(admin_client, home_page):
    for url in ("/admin/", "/admin/pages/", f"/admin/pages/{home_page.pk}/edit/"):
        html = admin_client.get(url).content.decode()
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        assert title.endswith("โรงพยาบาลฮอด"), (url, title)
        assert "Wagtail" not in title


def test_admin_page_search_counts_pages_in_thai_without_none(admin_client, section):
    add_page(section, title="ประกาศรับสมัครพยาบาล", slug="nurse-job")
    html = admin_client.get("/admin/pages/search/", {"q": "ประกาศรับสมัครพยาบาล"}).content.decode()
    assert "ประกาศรับสมัครพยาบาล" in html
    count = re.search(r"1-1 จาก 1 ([^<.]*)", html)
    assert count, html[html.find("จาก") - 200 : html.find("จาก") + 200]
    assert "None" not in count.group(1) and count.group(1).strip() == "หน้า"
