"""schema.org Event for a meeting page, so search engines and agenda tools show its date,
place, organiser, price and status. The online link is never in it: that is for confirmed
participants only (events.views.event_page)."""

from django.utils import timezone

from leerhuis.core.association import association_name
from leerhuis.core.structured_data import json_ld

from .models import EventStatus, Form

STATUS = {
    EventStatus.GEPLAND: "https://schema.org/EventScheduled",
    EventStatus.GEANNULEERD: "https://schema.org/EventCancelled",
    EventStatus.VERPLAATST: "https://schema.org/EventRescheduled",
}
MODE = {
    Form.OP_LOCATIE: "https://schema.org/OfflineEventAttendanceMode",
    Form.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Form.HYBRIDE: "https://schema.org/MixedEventAttendanceMode",
}


def _locations(page, url):
    places = []
    if page.meets_on_location and page.venue:
        place = {"@type": "Place", "name": page.venue}
        if page.address:
            place["address"] = " ".join(page.address.split())
        places.append(place)
    if page.can_join_online:
        places.append({"@type": "VirtualLocation", "url": url})
    return places[0] if len(places) == 1 else places


def _offer(page, url):
    """The price for whoever is not a member (members' price is in the description)."""
    offer = {
        "@type": "Offer",
        "price": f"{page.price_non_member or 0:.2f}",
        "priceCurrency": "EUR",
        "url": url,
        "availability": "https://schema.org/LimitedAvailability"
        if page.is_full()
        else "https://schema.org/InStock",
    }
    if page.registration_opens:
        offer["validFrom"] = timezone.localtime(page.registration_opens).isoformat()
    return offer


def event_json_ld(page, request):
    url = page.get_full_url(request) if page.pk else ""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.intro,
        "inLanguage": "nl",
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": STATUS.get(page.status, STATUS[EventStatus.GEPLAND]),
        "eventAttendanceMode": MODE.get(page.form, MODE[Form.OP_LOCATIE]),
        "organizer": {"@type": "Organization", "name": association_name()},
        "isAccessibleForFree": not page.price_non_member,
    }
    if url:
        data["url"] = url
    location = _locations(page, url)
    if location:
        data["location"] = location
    if page.pk:
        data["offers"] = _offer(page, url)
    return json_ld(data)
