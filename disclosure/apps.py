from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    """Disclosure categories of R1 (organisation, plans, budget, complaints, laws, news, OIA, ITA)."""

    name = "disclosure"
    verbose_name = _("Disclosure")

    def ready(self):
        # The publishing reports ask home.compliance for ITA gaps; disclosure answers (DESIGN.md: no cross-imports).
        from home import compliance

        from .ita import views as ita_views
        from .ita.provider import provider
        from .models import ITAYearPage

        compliance.register(provider)
        # The ITA year page shows and exports its status through the ita package, which imports the models.
        ITAYearPage.ita_views = ita_views
