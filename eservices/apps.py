from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EservicesConfig(AppConfig):
    """The public's services (R1.9, R1.16): complaints, feedback, satisfaction survey, visit statistics."""

    name = "eservices"
    verbose_name = _("E-services")
