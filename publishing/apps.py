from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """The hospital's publishing process (R2–R3): roles, workflow, urgent publishing, schedules, reports."""

    name = "publishing"
    verbose_name = _("Publishing process")

    def ready(self):
        from home import compliance

        from . import checks, jobs, signals  # noqa: F401 — registers checks, periodic jobs and signal receivers
        from .paperwork.records import request_form_url

        # The ITA dashboard (disclosure) links each evidence page to its request form through home.compliance.
        compliance.register_request_form(request_form_url)
