from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EservicesConfig(AppConfig):
    """The public's services (R1.9, R1.16): complaints, feedback, satisfaction survey, visit statistics."""

    name = "eservices"
    verbose_name = _("E-services")

    def ready(self):
        from django.core.checks import register

        from eservices.complaints import rules
        from eservices.privacy import checks as privacy_checks
        from eservices.privacy import retention  # noqa: F401  (registers the periodic job)

        register(privacy_checks.retention_settings)

        # After every migrate: the complaint groups and their permissions.
        post_migrate.connect(rules.setup_groups_after_migrate, sender=self, dispatch_uid="eservices.complaint_groups")
        # The page types' views live above the models and register themselves on their page types
        # (eservices.models.routing): load them with the app, before any page is served.
        from eservices.complaints import views as complaint_views  # noqa: F401
        from eservices.feedback import views as feedback_views  # noqa: F401
        from eservices.survey import views as survey_views  # noqa: F401
