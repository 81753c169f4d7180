"""Content for `make production-check`, run with `manage.py shell -c "exec(open(...).read())"`.

Creates a superuser, a private collection (sign-in required) with a PDF in it, a public image with a
rendition, and a public page showing both, then writes what the smoke checks need to $CHECK_FIXTURES (JSON).
"""

import io
import json
import os

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.models import Collection, CollectionViewRestriction, Site

from PIL import Image
from pypdf import PdfWriter

from home.models import HomePage, HospitalDocument, HospitalImage, StandardPage

pdf = io.BytesIO()
writer = PdfWriter()
writer.add_blank_page(width=595, height=842)
writer.write(pdf)
PDF = pdf.getvalue()

User = get_user_model()
admin = User.objects.create_superuser("checkadmin", "it@example.com", os.environ["CHECK_ADMIN_PASSWORD"])

root = Collection.get_first_root_node()
private = root.add_child(name="เอกสารภายใน (ตรวจระบบ)")
CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
secret = HospitalDocument(title="บันทึกภายใน", collection=private)
secret.file.save("internal-memo.pdf", ContentFile(PDF), save=False)
secret.save()

public_doc = HospitalDocument(title="รายงานผลการดำเนินงานประจำปี", collection=root)
public_doc.file.save("annual-report.pdf", ContentFile(PDF), save=False)
public_doc.save()

buffer = io.BytesIO()
Image.new("RGB", (320, 200), (10, 110, 90)).save(buffer, "PNG")
image = HospitalImage(
    title="อาคารผู้ป่วยนอก",
    description="อาคารผู้ป่วยนอกของโรงพยาบาลฮอด",
    collection=root,
    file=ImageFile(io.BytesIO(buffer.getvalue()), name="opd-building.png"),
)
image.save()
rendition = image.get_rendition("width-200")

# The site's address as visitors use it: Wagtail purges nginx's micro-cache by the page's host (deploy/README.md).
Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=int(os.environ["CHECK_HTTPS_PORT"]))

home = HomePage.objects.get(depth=2)
page = StandardPage(
    title="รายงานผลการดำเนินงาน",
    slug="annual-report",
    intro="รายงานผลการดำเนินงานประจำปีของโรงพยาบาลฮอด",
    body=[
        {"type": "paragraph", "value": "<p>รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2569</p>"},
        {"type": "image", "value": {"image": image.pk, "alt_text": image.description, "decorative": False}},
        {"type": "document", "value": {"document": public_doc.pk, "title": ""}},
    ],
)
home.add_child(instance=page)
page.save_revision().publish()

with open(os.environ["CHECK_FIXTURES"], "w") as handle:
    json.dump(
        {
            "admin": "checkadmin",
            "private_document_file": "/media/" + secret.file.name,
            "private_document_url": secret.url,
            "original_image": "/media/" + image.file.name,
            "rendition": rendition.url,
            "page": page.url,
            "page_id": page.pk,
        },
        handle,
    )
print("production-check content created")
