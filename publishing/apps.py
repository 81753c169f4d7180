from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """The hospital's publishing process (R2–R3): roles, workflow, urgent publishing, schedules, reports."""

    name = "publishing"
    verbose_name = _("Publishing process")

    def ready(self):
        from . import checks, jobs, signals  # noqa: F401 — registers checks, periodic jobs and signal receivers
