from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ManualsConfig(AppConfig):
    """Operations manuals (R1.14) and citizen service guides (R1.15)."""

    name = "manuals"
    verbose_name = _("Manuals")
