"""``{% visit_counter %}``: the public counter in the footer (today, this month, total visitors)."""

from django import template

from eservices.visits.counter import counter_numbers

register = template.Library()


@register.inclusion_tag("eservices/visits/counter.html")
def visit_counter():
    return {"counter": counter_numbers()}
