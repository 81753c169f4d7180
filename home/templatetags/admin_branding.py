"""The hospital's name in the admin's page titles and sign-in heading (WAGTAIL_SITE_NAME), not "Wagtail"."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def admin_site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", "") or ""
