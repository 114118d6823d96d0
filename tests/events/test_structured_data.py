"""A meeting page carries schema.org Event data: when, where (or online, without the link),
who organises it, what a non-member pays and whether it goes ahead."""

import json
import re

import pytest
from django.utils import timezone

from events.models import EventStatus, Form
from tests.events_factories import EventPageFactory

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def event_data(client, page):
    html = client.get(page.url).content.decode()
    (found,) = [json.loads(text) for text in SCRIPT.findall(html)]
    return found, html


def test_a_meeting_on_location_says_when_where_and_what_it_costs(client):
    page = EventPageFactory(title="Studiedag opgave-sturing")
    data, _html = event_data(client, page)
    assert data["@type"] == "Event"
    assert data["name"] == "Studiedag opgave-sturing"
    assert data["startDate"] == timezone.localtime(page.start).isoformat()
    assert data["startDate"].endswith(("+01:00", "+02:00"))  # Amsterdam time, with offset
    assert data["location"] == {
        "@type": "Place",
        "name": "Stadhuis Veenendaal",
        "address": "Raadhuisplein 1, 3901 GA Veenendaal",
    }
    assert data["offers"]["price"] == "95.00" and data["offers"]["priceCurrency"] == "EUR"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["organizer"]["@type"] == "Organization"
    assert data["url"].endswith(page.url)


def test_an_online_meeting_never_shows_its_link_and_a_cancelled_one_says_so(client):
    page = EventPageFactory(
        form=Form.ONLINE,
        venue="",
        online_url="https://meet.example/geheim-123",
        status=EventStatus.GEANNULEERD,
    )
    data, html = event_data(client, page)
    assert data["location"] == {"@type": "VirtualLocation", "url": data["url"]}
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert "geheim-123" not in html


def test_an_editors_text_cannot_close_the_script(client):
    page = EventPageFactory(title="Over </script><script>alert(1)</script> en meer")
    data, html = event_data(client, page)
    assert data["name"] == "Over </script><script>alert(1)</script> en meer"
    assert "<script>alert(1)" not in html
