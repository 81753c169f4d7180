from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site root and the shared app every category app builds on."""

    name = "home"
    verbose_name = _("Hospital website")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .permissions import translate_permission_names

        post_migrate.connect(translate_permission_names, dispatch_uid="hodsite_thai_permission_names")

        # Cached searches are forgotten when what may be found changes (publish, unpublish, …).
        from .search.query import connect_signals

        connect_signals()

        # Wagtail's group editor gives its page chooser no label, so Django shows the field name
        # "Page" in English to screen readers; give it a translatable one.
        from wagtail.users.forms import PagePermissionsForm

        PagePermissionsForm.base_fields["page"].label = _("Page")
