"""Thai names for Django permissions, shown in the admin's group editor.

Django stores each permission's name in English when it is created ("Can add user"). After every
``migrate`` this rewrites them in Thai — "Can add/change/delete/view <model>" from the model's
translated verbose name, and other names through our catalogs — so the group editor speaks Thai.
"""

from django.contrib.auth.models import Permission
from django.utils import translation
from django.utils.translation import gettext

ACTIONS = {"add": "เพิ่ม", "change": "แก้ไข", "delete": "ลบ", "view": "ดู"}
# Permissions Wagtail and Django define with their own wording.
OTHER_NAMES = {
    "Can choose document": "สามารถเลือกเอกสาร",
    "Can choose image": "สามารถเลือกรูปภาพ",
    "Can access Wagtail admin": "สามารถเข้าสู่ระบบจัดการเว็บไซต์",
    "Delete pages with children": "ลบหน้าที่มีหน้าย่อย",
    "Lock/unlock pages you've locked": "ล็อก/ปลดล็อกหน้าที่ตนเองล็อกไว้",
    "Publish any page": "เผยแพร่หน้าใดก็ได้",
    "Unlock any page": "ปลดล็อกหน้าใดก็ได้",
    "Can view all pages": "สามารถดูทุกหน้า",
}


def thai_name(permission):
    model = permission.content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if model is not None and action in ACTIONS and model_name == model._meta.model_name:
        verbose = str(model._meta.verbose_name)
        return f"สามารถ{ACTIONS[action]}{' ' if verbose[:1].isascii() else ''}{verbose}"
    english = permission.name
    return OTHER_NAMES.get(english) or gettext(english)


def translate_permission_names(**kwargs):
    with translation.override("th"):
        for permission in Permission.objects.select_related("content_type"):
            name = str(thai_name(permission))[:255]
            if name != permission.name:
                Permission.objects.filter(pk=permission.pk).update(name=name)
