"""Template filters for study load, wrapping events/development/formatting.py so a template
writes a figure exactly as the PDF and the exports do:

    {{ event.learning_hours|uren }}                → "5,5 uur"
    {{ points|punten:scheme }}                     → "3 PE-punten (IPMA)"
    {% for item in event.accreditation_points %}{{ item|punten }}{% endfor %}
"""

from django import template

from events.development.formatting import hours_text, number_text, points_text

register = template.Library()


@register.filter
def uren(hours):
    return hours_text(hours)


@register.filter
def punten(points, scheme=None):
    """Points in a scheme; also takes a (scheme, points) pair as accreditation_points()
    and YearRecord.points_by_scheme give them."""
    if scheme is None:
        scheme, points = points
    return points_text(scheme, points)


@register.filter
def getal(value):
    """A figure in Dutch notation without trailing zeros: "5,5", "0,75", "8"."""
    return number_text(value)
