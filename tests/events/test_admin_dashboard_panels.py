"""The admin dashboard shows organisers the meetings coming up with their places and the
latest registrations; who may not see registrations sees neither; the dashboard costs the
same with 10 or 500 meetings stored and 1 or 20 registrations."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import RegistrationStatus
from tests.events.helpers.registrations_admin import organiser, staff_with
from tests.events_factories import EventPageFactory, RegistrationFactory, bulk_meetings, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def dashboard(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_organisers_see_the_places_of_what_is_coming_and_who_signed_up(client, login_with_mfa):
    soon = EventPageFactory(title="Regiodag Oost", start=in_days(5), capacity=30)
    for _n in range(2):
        RegistrationFactory(event=soon)
    RegistrationFactory(event=soon, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(
        event=soon,
        user=UserFactory(full_name="Fenna Visser"),
        name="Fenna Visser",
        organisation_name="Gemeente Ede",
    )
    EventPageFactory(title="Al geweest", start=in_days(-5), end=in_days(-5, 15))
    login_with_mfa(client, organiser())

    html = dashboard(client)

    coming = BeautifulSoup(html, "html.parser").find(id="komende-activiteiten-content")
    row = [td.get_text(" ", strip=True) for td in coming.select("tbody tr")[0].select("td")]
    assert row[0] == "Regiodag Oost"
    assert row[2:] == ["3 van 30", "1"]
    assert "Al geweest" not in coming.get_text()
    recent = BeautifulSoup(html, "html.parser").find(id="recente-aanmeldingen-content")
    first = [td.get_text(" ", strip=True) for td in recent.select("tbody tr")[0].select("td")]
    assert first[:3] == ["Fenna Visser Gemeente Ede", "Regiodag Oost", "aangemeld"]


def test_staff_who_may_not_see_registrations_see_no_names(client, login_with_mfa):
    RegistrationFactory(event=EventPageFactory(), name="Fenna Visser")
    login_with_mfa(client, staff_with(email="redacteur@leerhuis.example"))
    html = dashboard(client)
    assert "Fenna Visser" not in html
    assert "recente-aanmeldingen" not in html
    assert "komende-activiteiten" not in html


def queries(client):
    with CaptureQueriesContext(connection) as captured:
        dashboard(client)
    return len(captured)


def test_the_dashboard_costs_the_same_for_10_or_500_meetings_and_1_or_20_places(
    client, login_with_mfa
):
    login_with_mfa(client, organiser())
    bulk_meetings(10)
    event = EventPageFactory(start=in_days(3))
    RegistrationFactory(event=event)
    dashboard(client)  # warm the caches
    few = queries(client)
    bulk_meetings(490, offset=10)
    for _n in range(19):
        RegistrationFactory(event=event)
    assert queries(client) == few
