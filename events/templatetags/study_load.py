"""Template filters for study load, wrapping events/development/formatting.py so a template
writes a figure exactly as the PDF and the exports do:

    {{ event.learning_hours|uren }}                → "5,5 uur"
    {{ points|punten:scheme }}                     → "3 PE-punten (IPMA)"
    {% for item in event.accreditation_points %}{{ item|punten }}{% endfor %}
    {{ event|kaartregel }}                         → "5,5 studie-uren · 5 PE-punten (IPMA)"
    {% study_load page as load %}                  → load.hours, load.accreditations
"""

from django import template
from django.db.models import prefetch_related_objects

from events.development.formatting import hours_text, number_text, points_text
from events.models.study_load import STUDY_LOAD_PREFETCH

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


@register.filter
def kaartregel(event):
    """The study load in one line for a calendar card: events.calendar_cards."""
    # Imported when a card is drawn: calendar_cards imports the views, which the template
    # engine need not load when it starts.
    from events.calendar_cards import study_load_line

    return study_load_line(event)


@register.simple_tag
def study_load(event):
    """{"hours": Decimal, "accreditations": [EventAccreditation]} of a meeting, its
    programme and accreditations read in a fixed number of queries however many schemes it
    has. A preview's unsaved programme and accreditations (held in memory by modelcluster)
    are read as they are."""
    in_memory = getattr(event, "_cluster_related_objects", {})
    cached = getattr(event, "_prefetched_objects_cache", {})
    if event.pk and not in_memory and "accreditations" not in cached:
        prefetch_related_objects([event], *STUDY_LOAD_PREFETCH)
    return {"hours": event.learning_hours(), "accreditations": list(event.accreditations.all())}
