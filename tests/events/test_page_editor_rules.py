"""Where meetings live, and what the page editor refuses about their places: a meeting and a
leergang only under the one calendar; fewer places than people already confirmed is asked
again, in Dutch, with nothing typed lost."""

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils import WagtailPageTestCase

from events.models import (
    EventIndexPage,
    EventPage,
    EventStatus,
    LearningTrackPage,
    RegistrationStatus,
)
from leerhuis.core.models import HomePage, StandardPage
from leerhuis.knowledge.models import KnowledgeIndexPage
from tests.events.helpers.page_editor import edit_url, errors, form_data, publish
from tests.events_factories import EventPageFactory, RegistrationFactory, calendar_page

pytestmark = pytest.mark.django_db


class TestWhereMeetingsLive(WagtailPageTestCase):
    def test_a_meeting_and_a_leergang_are_added_to_the_calendar_only(self):
        for page_type in (EventPage, LearningTrackPage):
            self.assertAllowedParentPageTypes(page_type, {EventIndexPage})
            self.assertAllowedSubpageTypes(page_type, set())
            self.assertCanCreateAt(EventIndexPage, page_type)
            self.assertCanNotCreateAt(HomePage, page_type)
            self.assertCanNotCreateAt(StandardPage, page_type)
            self.assertCanNotCreateAt(KnowledgeIndexPage, page_type)

    def test_the_calendar_sits_under_the_home_page_and_there_is_one(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage, LearningTrackPage})
        home = HomePage.objects.get()
        self.assertTrue(EventIndexPage.can_create_at(home))
        calendar_page()
        self.assertFalse(EventIndexPage.can_create_at(home))


def with_confirmed(count, **fields):
    event = EventPageFactory(capacity=20, **fields)
    for _n in range(count):
        RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    return event


def test_fewer_places_than_people_confirmed_is_refused_and_nothing_typed_lost(
    admin_client_with_mfa,
):
    event = with_confirmed(3)
    data = form_data(admin_client_with_mfa.get(edit_url(event)).content.decode())
    data.update(capacity="2", title="Studiedag (nieuwe titel)")

    response = publish(admin_client_with_mfa, event, data)

    assert response.status_code == 200
    assert (
        "Er zijn al 3 bevestigde aanmeldingen: kies minstens 3 plaatsen, of zet het op 0 "
        "om het aanmelden te sluiten." in errors(response)
    )
    assert 'value="Studiedag (nieuwe titel)"' in response.content.decode()
    assert EventPage.objects.get(pk=event.pk).capacity == 20


@pytest.mark.parametrize("capacity", ["3", "5", "0", ""])
def test_as_many_places_as_confirmed_more_none_or_no_maximum_are_kept(
    admin_client_with_mfa, capacity
):
    event = with_confirmed(3)
    data = form_data(admin_client_with_mfa.get(edit_url(event)).content.decode())
    data["capacity"] = capacity

    response = publish(admin_client_with_mfa, event, data)

    assert response.status_code == 302, errors(response)
    expected = int(capacity) if capacity else None
    assert EventPage.objects.get(pk=event.pk).capacity == expected


def test_the_end_before_the_start_and_closing_before_opening_are_said_in_dutch(
    admin_client_with_mfa,
):
    event = with_confirmed(0)
    data = form_data(admin_client_with_mfa.get(edit_url(event)).content.decode())
    start = data["start"]
    data.update(end=start, registration_opens=start, registration_closes=start)

    found = errors(publish(admin_client_with_mfa, event, data))

    assert "Het einde moet na het begin liggen." in found
    assert "Aanmelden moet sluiten nadat het opent." in found


def test_the_editor_groups_the_meeting_in_content_programme_sign_up_and_promotion(
    admin_client_with_mfa,
):
    html = admin_client_with_mfa.get(edit_url(EventPageFactory())).content.decode()
    # Each tab also holds its (hidden) error count: "Inhoud ( )".
    tabs = [
        tab.get_text(" ", strip=True).split(" (")[0]
        for tab in BeautifulSoup(html, "html.parser").select("[role=tab]")
    ]
    assert tabs[:4] == ["Inhoud", "Programma", "Aanmelden", "Promotie"]


@pytest.mark.parametrize(
    ("mode", "shown", "not_shown"),
    [
        ("", "Aanmelden</a>", "Deze activiteit is vol."),
        ("vol", "Vol – meld je aan voor de wachtlijst</a>", "Aanmelden</a>"),
        ("geannuleerd", "Geannuleerd: deze activiteit gaat niet door.", "Aanmelden</a>"),
    ],
)
def test_the_preview_shows_the_meeting_as_planned_full_or_cancelled_and_saves_nothing(
    admin_client_with_mfa, mode, shown, not_shown
):
    event = EventPageFactory(capacity=20)
    for _n in range(2):
        RegistrationFactory(event=event)
    preview = f"{edit_url(event)}preview/"
    data = form_data(admin_client_with_mfa.get(edit_url(event)).content.decode())
    assert admin_client_with_mfa.post(preview, data).json()["is_valid"]

    html = admin_client_with_mfa.get(preview, {"mode": mode}).content.decode()

    assert shown in html
    assert not_shown not in html
    stored = EventPage.objects.get(pk=event.pk)
    assert (stored.status, stored.capacity) == (EventStatus.GEPLAND, 20)
    assert stored.registrations.confirmed().count() == 2
