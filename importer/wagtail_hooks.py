"""The audit-log action written on every imported page (``home.compliance.IMPORTED_ACTION``)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.compliance import IMPORTED_ACTION


@hooks.register("register_log_actions")
def register_imported_action(actions):
    actions.register_action(
        IMPORTED_ACTION, _("Imported from the former website"), _("Imported from the former website")
    )
