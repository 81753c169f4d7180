"""Template filters for Thai dates: ``{% load thai_date_tags %}`` then ``{{ page.date|thai_date }}``."""

from django import template

from home import thai_dates

register = template.Library()


@register.filter
def be_year(value):
    return thai_dates.be_year(value) if value not in (None, "") else ""


@register.filter
def thai_date(value, arg=""):
    """``|thai_date`` full month; ``|thai_date:"short"``; ``|thai_date:"thai"`` for Thai digits."""
    options = str(arg).split(",")
    return thai_dates.thai_date(value, short="short" in options, thai_digits="thai" in options)


@register.filter
def thai_datetime(value, arg=""):
    options = str(arg).split(",")
    return thai_dates.thai_datetime(value, short="full" not in options, thai_digits="thai" in options)


@register.filter
def thai_month_year(value):
    return thai_dates.thai_month_year(value) if value not in (None, "") else ""


@register.filter
def thai_month(value, arg=""):
    return thai_dates.thai_month(int(value), short=arg == "short")


@register.filter
def fiscal_year(value):
    return thai_dates.fiscal_year(value) if value not in (None, "") else ""


@register.filter
def fiscal_quarter(value):
    return thai_dates.fiscal_quarter(value) if value not in (None, "") else ""


@register.filter
def thai_digits(value):
    return thai_dates.to_thai_digits(value)
