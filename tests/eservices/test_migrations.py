"""The eservices migrations: only the first is initial (``--fake-initial`` must never skip a later one)."""

from django.db.migrations.loader import MigrationLoader


def test_only_the_first_eservices_migration_is_initial():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    initial = sorted(
        name for (app, name), migration in loader.disk_migrations.items() if app == "eservices" and migration.initial
    )
    assert initial == ["0001_initial"]
