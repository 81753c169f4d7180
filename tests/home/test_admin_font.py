"""The admin reads in Sarabun from our own static files, whatever fonts the staff machine has."""

from django.contrib.staticfiles import finders


def test_admin_pages_load_the_sarabun_stylesheet(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'href="/static/css/admin.css"' in response.content.decode()


def test_admin_stylesheet_puts_sarabun_first_and_its_fonts_exist():
    css = open(finders.find("css/admin.css"), encoding="utf-8").read()
    assert '--w-font-sans: "Sarabun"' in css
    for weight in ("Regular", "Italic", "SemiBold", "Bold"):
        assert f"fonts/sarabun/Sarabun-{weight}.ttf" in css
        assert finders.find(f"fonts/sarabun/Sarabun-{weight}.ttf"), weight
