from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    """Disclosure categories of R1 (organisation, plans, budget, complaints, laws, news, OIA, ITA)."""

    name = "disclosure"
    verbose_name = _("Disclosure")
