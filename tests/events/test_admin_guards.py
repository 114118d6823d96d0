"""Registrations outlive every admin action on pages: deleting a meeting or leergang (one,
in bulk, or with a parent) and moving one out of the calendar are refused with a Dutch
explanation, through Wagtail's own admin views; the database refuses as well."""

import html
from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import transaction
from django.db.models import ProtectedError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction, MoveForm
from wagtail.models import Page

from events.admin import guards
from events.models import (
    EventIndexPage,
    EventPage,
    LearningTrackPage,
    Registration,
    RegistrationStatus,
)
from leerhuis.core.models import HomePage
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    calendar_page,
)

pytestmark = pytest.mark.django_db

CALL_OFF = "Zet de status op 'geannuleerd' en publiceer: dan krijgt iedereen bericht."


def bulk_url(action, pages, next_url=None):
    """The URL the page explorer's bulk actions use, with the chosen pages."""
    query = [("id", page.pk) for page in pages] + ([("next", next_url)] if next_url else [])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    return f"{url}?{urlencode(query)}"


def explore(page):
    return reverse("wagtailadmin_explore", args=[page.pk])


def edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def told(client, response):
    """The messages shown on the page the refusal sends the editor back to."""
    assert response.status_code == 302
    shown = client.get(response["Location"])
    # Wagtail's admin messages arrive as escaped HTML.
    return html.unescape(" ".join(str(message) for message in get_messages(shown.wsgi_request)))


def still_there(*pages):
    return Page.objects.filter(pk__in=[page.pk for page in pages]).count() == len(pages)


@pytest.fixture
def study_day():
    """A meeting with a paid place, a checked-in member and a cancellation on record."""
    event = EventPageFactory(title="Studiedag opgave-sturing")
    RegistrationFactory(event=event, price=95, billing_reference="KP-4711")
    RegistrationFactory(event=event, is_member=True, checked_in_at=timezone.now())
    RegistrationFactory(
        event=event, status=RegistrationStatus.CANCELLED, cancelled_at=timezone.now()
    )
    return event


@pytest.fixture
def track():
    """A leergang booked once: the booking is a registration for its session, through it."""
    leergang = LearningTrackPageFactory(title="Leergang opgavegericht werken")
    session = EventPageFactory(title="Sessie 1", learning_track=leergang)
    RegistrationFactory(event=session, learning_track=leergang, price=450)
    return leergang


# --- Deleting in bulk -------------------------------------------------------------------


def test_a_bulk_delete_of_meetings_people_signed_up_for_is_refused_and_keeps_everything(
    admin_client_with_mfa, study_day
):
    empty = EventPageFactory(title="Netwerkdag zonder aanmeldingen")
    url = bulk_url("delete", [study_day, empty], next_url=explore(calendar_page()))

    confirmation = admin_client_with_mfa.get(url)
    assert confirmation.status_code == 200
    assert "Studiedag opgave-sturing" in confirmation.content.decode()

    response = admin_client_with_mfa.post(url)
    assert response["Location"] == explore(calendar_page())
    message = told(admin_client_with_mfa, response)
    assert "Niet verwijderd" in message
    assert "“Studiedag opgave-sturing”" in message
    assert "Netwerkdag zonder aanmeldingen" not in message
    assert CALL_OFF in message
    # Nothing of the selection went: the action is refused as a whole.
    assert still_there(study_day, empty)
    assert study_day.registrations.count() == 3
    assert study_day.registrations.filter(billing_reference="KP-4711", price=95).exists()


def test_a_bulk_delete_of_meetings_nobody_signed_up_for_still_deletes_them(
    admin_client_with_mfa,
):
    first, second = EventPageFactory(), EventPageFactory()
    url = bulk_url("delete", [first, second], next_url=explore(calendar_page()))

    response = admin_client_with_mfa.post(url)

    assert response.status_code == 302
    assert not EventPage.objects.filter(pk__in=[first.pk, second.pk]).exists()
    assert "2 pagina's zijn verwijderd" in told(admin_client_with_mfa, response)


def test_a_bulk_delete_of_a_booked_leergang_is_refused_and_says_its_sessions_carry_the_status(
    admin_client_with_mfa, track
):
    response = admin_client_with_mfa.post(bulk_url("delete", [track]))

    message = told(admin_client_with_mfa, response)
    assert "“Leergang opgavegericht werken”" in message
    assert "bij een leergang: die van de sessies" in message
    assert LearningTrackPage.objects.filter(pk=track.pk).exists()
    assert Registration.objects.get().learning_track_id == track.pk


def test_a_bulk_delete_of_the_calendar_is_refused_while_meetings_below_it_have_registrations(
    admin_client_with_mfa, home_page, study_day
):
    calendar = calendar_page()
    response = admin_client_with_mfa.post(bulk_url("delete", [calendar]))

    # Without a `next`, back to where the calendar is listed.
    assert response["Location"] == explore(home_page)
    assert "“Studiedag opgave-sturing”" in told(admin_client_with_mfa, response)
    assert still_there(calendar, study_day)
    assert study_day.registrations.count() == 3


# --- Deleting one page ------------------------------------------------------------------


@pytest.mark.parametrize("booked", ["study_day", "track"])
def test_deleting_a_meeting_or_leergang_people_signed_up_for_is_refused(
    admin_client_with_mfa, request, booked
):
    page = request.getfixturevalue(booked)
    registrations = list(Registration.objects.values_list("pk", "event_id", "learning_track_id"))
    delete = reverse("wagtailadmin_pages:delete", args=[page.pk])

    for send in (admin_client_with_mfa.get, admin_client_with_mfa.post):
        response = send(delete)
        assert response["Location"] == edit(page)
        message = told(admin_client_with_mfa, response)
        assert f"“{page.title}”" in message
        assert "Zet de status op 'geannuleerd'" in message
    assert still_there(page)
    assert list(Registration.objects.values_list("pk", "event_id", "learning_track_id")) == (
        registrations
    )


@pytest.mark.parametrize("parent", ["calendar", "home"])
def test_deleting_a_page_above_meetings_with_registrations_is_refused(
    admin_client_with_mfa, home_page, study_day, track, parent
):
    page = calendar_page() if parent == "calendar" else home_page
    delete = reverse("wagtailadmin_pages:delete", args=[page.pk])

    response = admin_client_with_mfa.post(delete)

    assert response["Location"] == edit(page)
    message = told(admin_client_with_mfa, response)
    # Every page that holds registrations is named: the meeting, the session, the leergang.
    for title in ("Studiedag opgave-sturing", "Sessie 1", "Leergang opgavegericht werken"):
        assert f"“{title}”" in message
    assert still_there(page, study_day, track)
    assert Registration.objects.count() == 4


def test_a_refusal_names_five_meetings_and_counts_the_rest(admin_client_with_mfa):
    for n in range(7):
        RegistrationFactory(event=EventPageFactory(title=f"Regiotafel {n}"))
    calendar = calendar_page()

    response = admin_client_with_mfa.post(reverse("wagtailadmin_pages:delete", args=[calendar.pk]))

    message = told(admin_client_with_mfa, response)
    assert "“Regiotafel 4” en nog 2 andere" in message
    assert "Regiotafel 5" not in message


# --- Moving -----------------------------------------------------------------------------


def test_a_meeting_people_signed_up_for_is_not_moved_out_of_the_calendar(
    admin_client_with_mfa, home_page, study_day
):
    # Wagtail's page-type rules would refuse this move too, but only when it is sent, with
    # a bare 403; the guard answers first, on the confirmation, with what to do instead.
    confirm = reverse("wagtailadmin_pages:move_confirm", args=[study_day.pk, home_page.pk])

    for send in (admin_client_with_mfa.get, admin_client_with_mfa.post):
        response = send(confirm)
        assert response["Location"] == edit(study_day)
        message = told(admin_client_with_mfa, response)
        assert "Niet verplaatst" in message
        assert "“Studiedag opgave-sturing”" in message
        assert CALL_OFF in message
    study_day.refresh_from_db()
    assert study_day.get_parent().pk == calendar_page().pk


def test_a_meeting_people_signed_up_for_may_move_within_the_calendar(
    admin_client_with_mfa, study_day
):
    later = EventPageFactory(title="Later in de lijst")
    calendar = calendar_page()
    confirm = reverse("wagtailadmin_pages:move_confirm", args=[study_day.pk, calendar.pk])

    response = admin_client_with_mfa.post(confirm)

    assert response["Location"] == explore(calendar)
    study_day.refresh_from_db()
    assert study_day.get_parent().pk == calendar.pk
    assert study_day.path > Page.objects.get(pk=later.pk).path  # now the last child


def test_a_bulk_move_of_booked_meetings_to_a_second_calendar_is_refused(
    admin_client_with_mfa, home_page, study_day
):
    # The admin makes one calendar only (max_count = 1), so this second one is made in code:
    # it is the only destination outside the calendar that Wagtail's bulk move accepts for
    # a meeting, and so the way to see the guard answer in the real bulk move view.
    elsewhere = EventIndexPage(title="Archief", slug="archief", intro="Oud.")
    home_page.add_child(instance=elsewhere)
    url = bulk_url("move", [study_day], next_url=explore(calendar_page()))

    assert admin_client_with_mfa.get(url).status_code == 200
    response = admin_client_with_mfa.post(url, {"chooser": elsewhere.pk})

    assert response["Location"] == explore(calendar_page())
    message = told(admin_client_with_mfa, response)
    assert "Niet verplaatst" in message
    assert "“Studiedag opgave-sturing”" in message
    study_day.refresh_from_db()
    assert study_day.get_parent().pk == calendar_page().pk


def test_a_bulk_move_within_the_calendar_goes_ahead(admin_client_with_mfa, study_day):
    calendar = calendar_page()
    url = bulk_url("move", [study_day], next_url=explore(calendar))

    response = admin_client_with_mfa.post(url, {"chooser": calendar.pk})

    assert "1 pagina is verplaatst" in told(admin_client_with_mfa, response)
    study_day.refresh_from_db()
    assert study_day.get_parent().pk == calendar.pk


def test_the_bulk_move_guard_refuses_a_destination_outside_the_calendar(
    admin_client_with_mfa, home_page, study_day
):
    # Wagtail's bulk move never gets this far with a meeting and the home page: page-type
    # rules put it among "pages without destination access" before the hooks run. The guard
    # is asked directly, as the bulk move view would ask it.
    request = RequestFactory().post("/admin/bulk/wagtailcore/page/move/")
    request.user = admin_client_with_mfa.staff
    SessionMiddleware(lambda request: None).process_request(request)
    MessageMiddleware(lambda request: None).process_request(request)
    action = MoveBulkAction(request, Page)
    form = MoveForm(
        {"chooser": home_page.pk}, destination=None, target_parent_models=set(), pages_to_move=[]
    )
    assert form.is_valid()
    action.cleaned_form = form
    pages = [Page.objects.get(pk=study_day.pk)]

    response = guards.refuse_bulk_action(request, "move", pages, action)

    assert response.status_code == 302
    assert response["Location"] == explore(calendar_page())
    assert "“Studiedag opgave-sturing”" in str(list(get_messages(request))[0])
    # Within the calendar the same guard lets it pass.
    form = MoveForm(
        {"chooser": calendar_page().pk},
        destination=None,
        target_parent_models=set(),
        pages_to_move=[],
    )
    assert form.is_valid()
    action.cleaned_form = form
    assert guards.refuse_bulk_action(request, "move", pages, action) is None


# --- The database -----------------------------------------------------------------------


@pytest.mark.parametrize("as_page", [False, True], ids=["EventPage", "Page"])
def test_the_database_will_not_delete_a_meeting_with_registrations(study_day, as_page):
    page = Page.objects.get(pk=study_day.pk) if as_page else study_day

    with pytest.raises(ProtectedError), transaction.atomic():
        page.delete()

    assert EventPage.objects.filter(pk=study_day.pk).exists()
    assert Registration.objects.filter(event_id=study_day.pk).count() == 3


def test_the_database_will_not_delete_a_leergang_that_bookings_came_through(track):
    with pytest.raises(ProtectedError), transaction.atomic():
        LearningTrackPage.objects.get(pk=track.pk).delete()

    assert Registration.objects.get().learning_track_id == track.pk


def test_the_database_will_not_delete_the_calendar_above_registrations(home_page, study_day):
    with pytest.raises(ProtectedError), transaction.atomic():
        HomePage.objects.get().delete()

    assert still_there(calendar_page(), study_day)
    assert study_day.registrations.count() == 3


def test_a_meeting_nobody_signed_up_for_can_still_be_deleted_in_code():
    meeting = EventPageFactory()
    meeting.delete()
    assert not EventPage.objects.filter(pk=meeting.pk).exists()
