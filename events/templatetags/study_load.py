"""{{ hours|uren }} and {{ points|punten:scheme }}: the record's Dutch way of writing hours
and points in templates (events/development/formatting.py)."""

from django import template

from events.development.formatting import hours_text, points_text

register = template.Library()


@register.filter
def uren(hours):
    """{{ 5.5|uren }} → "5,5 uur"."""
    return hours_text(hours)


@register.filter
def punten(points, scheme):
    """{{ 3|punten:scheme }} → "3 PE-punten (IPMA)"."""
    return points_text(scheme, points)
