from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    """Procurement disclosure (R1.7): plans, announcements, results and the monthly สขร.1."""

    name = "procurement"
    verbose_name = _("Procurement")
