"""Template filters for procurement figures: ``{% load procurement_tags %}`` then ``{{ amount|baht }}``."""

from django import template

from procurement.models.common import baht as format_baht

register = template.Library()


@register.filter
def baht(value):
    """ "1,234,567.50" (empty for no amount)."""
    return format_baht(value)
