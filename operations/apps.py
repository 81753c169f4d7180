from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Operating the site: logs the law asks for, backups, health checks (depends on home only)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from . import checks, traffic  # noqa: F401 — registers the system checks and the sign-in receivers
