from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site root and the shared app every category app builds on."""

    name = "home"
    verbose_name = _("Hospital website")
