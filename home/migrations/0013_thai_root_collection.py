"""Wagtail names the root collection "Root"; staff see it in the document and image lists and on the group
screen (every unit's collection sits under it), so it gets a Thai name. Only an untouched name is changed."""

from django.db import migrations

THAI_NAME = "คลังกลางของโรงพยาบาล"


def rename(apps, schema_editor, old, new):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0012_department_collection"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, se: rename(apps, se, "Root", THAI_NAME),
            lambda apps, se: rename(apps, se, THAI_NAME, "Root"),
        )
    ]
