"""Template tags for meetings outside their own pages: the home page's next meetings and
the cards that the calendar and the home page share."""

from django import template
from django.utils import timezone

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


@register.filter
def is_full(event):
    """Every place taken (from the annotated count): new sign-ups go on the waiting list."""
    confirmed = getattr(event, "confirmed_count", None)
    if confirmed is None or not event.capacity or event.is_cancelled:
        return False
    return confirmed >= event.capacity and event.end > timezone.now()


@register.filter
def same_day(event):
    """Starts and ends on the same Amsterdam calendar day."""
    return timezone.localtime(event.start).date() == timezone.localtime(event.end).date()


@register.simple_tag(takes_context=True)
def calendar_links(context, event):
    """ "Zet in je agenda" for one meeting: the .ics download, Google and Outlook on the web.
    Nothing for a meeting that is over or cancelled: there is nothing to put in a diary."""
    from django.urls import reverse

    from events import ical

    if event.pk is None or event.is_cancelled or event.end <= timezone.now():
        return []
    request = context.get("request")
    url = event.get_full_url(request)
    download = reverse("agenda_download", kwargs={"slug": event.slug})
    return ical.add_links(event, url, download)
