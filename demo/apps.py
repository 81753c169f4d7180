from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo hospital's loader and data; installed by the dev and test settings only."""

    name = "demo"
    verbose_name = "Demo hospital"
