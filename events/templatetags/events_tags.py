"""Template tags for meetings: "Zet in je agenda" on the page and on the calendar's cards."""

from django import template

register = template.Library()


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
