from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterConfig(AppConfig):
    """Go-live: the former WordPress site, earlier documents and ITA evidence brought in, old addresses kept."""

    name = "importer"
    verbose_name = _("Import from the former website")
    default_auto_field = "django.db.models.BigAutoField"
