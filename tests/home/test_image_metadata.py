"""Photos lose their EXIF (GPS, camera) when uploaded, and are turned upright first ([2/6])."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model

import pytest
from PIL import Image

from tests.home.upload_files import jpeg_with_gps

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def stored_picture(image):
    with image.open_file() as handle, Image.open(handle) as img:
        img.load()
        return img


def is_blue(pixel):
    red, green, blue = pixel[:3]
    return blue > 150 and red < 100


def test_the_fixture_photo_carries_gps():
    with Image.open(io.BytesIO(jpeg_with_gps())) as img:
        assert img.getexif().get_ifd(GPS_IFD)[1] == "N"


def test_uploaded_photo_is_kept_without_exif_and_upright(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "เยี่ยมบ้านผู้ป่วย",
            "description": "เจ้าหน้าที่เยี่ยมบ้านผู้ป่วย",
            "file": SimpleUploadedFile("visit.jpg", jpeg_with_gps(orientation=6), content_type="image/jpeg"),
            "collection": 1,
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    picture = stored_picture(image)
    assert not picture.getexif()  # no GPS, no camera, no orientation left
    assert not picture.getexif().get_ifd(GPS_IFD)
    assert "exif" not in picture.info
    # Orientation 6 (turn 90° clockwise) was applied: 40×20 became 20×40, the blue mark moved to the top right.
    assert picture.size == (20, 40) == (image.width, image.height)
    assert is_blue(picture.getpixel((18, 2))) and not is_blue(picture.getpixel((1, 1)))
    with image.open_file() as handle:
        assert image.file_size == len(handle.read())
    rendition = image.get_rendition("width-10")
    with rendition.file.open() as handle, Image.open(handle) as small:
        assert not small.getexif().get_ifd(GPS_IFD)


def test_multiple_upload_strips_exif_too(admin_client):
    # The image needs alternative text, so Wagtail keeps the upload aside until the editor adds it.
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("visit.jpg", jpeg_with_gps(orientation=1), content_type="image/jpeg")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    upload_id = response.json()["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}"
    response = admin_client.post(
        f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/",
        {f"{prefix}-title": "เยี่ยมบ้าน", f"{prefix}-description": "เยี่ยมบ้านผู้ป่วย", f"{prefix}-collection": 1},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is True, response.json()
    image = get_image_model().objects.get()
    picture = stored_picture(image)
    assert not picture.getexif().get_ifd(GPS_IFD) and not picture.getexif()
    assert picture.size == (40, 20) == (image.width, image.height)
    with image.open_file() as handle:
        assert image.file_size == len(handle.read())  # size and hash are of the file kept


def test_a_photo_published_as_a_document_loses_its_exif_too(admin_client):
    from wagtail.documents import get_document_model

    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "ภาพประกอบ", "file": SimpleUploadedFile("visit.jpg", jpeg_with_gps(orientation=6)), "collection": 1},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    with document.file.open() as handle:
        data = handle.read()
    assert document.file_size == len(data)
    with Image.open(io.BytesIO(data)) as img:
        assert not img.getexif() and img.size == (20, 40)


def test_a_photo_without_exif_is_kept_as_it_was(admin_client):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    data = buffer.getvalue()
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "ไอคอน", "description": "สี่เหลี่ยมสีเขียว", "file": SimpleUploadedFile("icon.png", data), "collection": 1},
    )
    assert response.status_code == 302
    with get_image_model().objects.get().open_file() as handle:
        assert handle.read() == data
