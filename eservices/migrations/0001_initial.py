from django.db import migrations


class Migration(migrations.Migration):
    """The app's first migration; the services' tables follow in the next ones."""

    initial = True
    dependencies = []
    operations = []
