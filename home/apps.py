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

        # A holiday added or removed counts in this process's next deadline at once.
        from django.db.models.signals import post_delete, post_save

        from .models import HospitalHoliday
        from .thai_dates import forget_hospital_holidays

        for signal in (post_save, post_delete):
            signal.connect(forget_hospital_holidays, sender=HospitalHoliday, dispatch_uid=f"hodsite_holidays_{signal}")

        from . import page_cache

        # Publishing, unpublishing (also scheduled and on expiry) and site settings purge cached pages.
        page_cache.connect_signals()

        # Cached searches are forgotten when what may be found changes (publish, unpublish, …).
        from .search.query import connect_signals

        connect_signals()

        # Wagtail's group editor gives its page chooser no label, so Django shows the field name
        # "Page" in English to screen readers; give it a translatable one.
        from wagtail.users.forms import PagePermissionsForm

        PagePermissionsForm.base_fields["page"].label = _("Page")

        # Dates in the admin in the Buddhist Era, typed and shown as พ.ศ. (home/admin_dates.py).
        from . import admin_dates

        admin_dates.register()

        from .slugs import install as keep_thai_slugs_whole

        keep_thai_slugs_whole()
