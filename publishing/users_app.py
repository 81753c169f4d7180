"""Wagtail's users app with the hospital's user and group views (``publishing.webmasters``)."""

from wagtail.users.apps import WagtailUsersAppConfig


class HospitalUsersConfig(WagtailUsersAppConfig):
    """Replaces ``wagtail.users`` in ``INSTALLED_APPS``: same app label, views that keep two webmasters."""

    user_viewset = "publishing.webmasters.UserViewSet"
    group_viewset = "publishing.webmasters.GroupViewSet"
