"""Template tags for meetings outside their own pages: the home page's next meetings and
the cards that the calendar and the home page share."""

from django import template

from events.calendar import upcoming_for
from events.models import EventIndexPage

register = template.Library()


@register.inclusion_tag("events/includes/upcoming_events.html", takes_context=True)
def upcoming_events(context, count=3):
    """The next `count` meetings the visitor may see, with a link to the whole calendar."""
    request = context.get("request")
    user = getattr(request, "user", None)
    calendar = EventIndexPage.objects.live().first()
    return {
        "request": request,
        "events": upcoming_for(user, count),
        "calendar_url": calendar.get_url(request) if calendar else "",
    }


@register.simple_tag(takes_context=True)
def calendar_links(context, event):
    """ "Zet in je agenda" for one meeting: the .ics download, Google and Outlook on the web.
    Nothing for a meeting that is over or cancelled: there is nothing to put in a diary."""
    from django.urls import reverse

    from events import ical

    if event.pk is None or event.is_cancelled or event.is_over():
        return []
    request = context.get("request")
    url = event.get_full_url(request)
    download = reverse("agenda_download", kwargs={"slug": event.slug})
    return ical.add_links(event, url, download)
