"""Who may see and act on a meeting's registrations in the admin, and the organisers' group."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from events.models import RegistrationStatus
from tests.events.helpers.registrations_admin import (
    MENU,
    html,
    names,
    organiser,
    registration,
    staff_with,
    url,
)
from tests.events_factories import EventPageFactory, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def viewer():
    return staff_with("view_attendees", email="kijker@leerhuis.example")


def every_url(event):
    one = event.registrations.get(name="Bram Gast")
    gets = [
        url("index"),
        url("registrations", event.pk),
        url("registrations", event.pk) + "?export=csv",
        url("registrations", event.pk) + "?export=xlsx",
        url("attendance_list", event.pk),
        url("badges", event.pk),
        url("message", event.pk),
        url("cancel", event.pk, one.pk),
        url("finance"),
        url("finance") + "?export=csv",
    ]
    posts = [
        (url("check_in", event.pk, one.pk), {"aanwezig": "1"}),
        (url("promote", event.pk, event.registrations.get(name="Cor Wacht").pk), {}),
        (url("cancel", event.pk, one.pk), {"reason": "ziek"}),
        (url("message_send", event.pk), {"subject": "Hoi", "body": "Tekst", "token": ""}),
    ]
    return gets, posts


def unchanged(event):
    """Nobody checked in, Cor still waiting, Bram still confirmed, no message."""
    assert not event.registrations.filter(checked_in_at__isnull=False).exists()
    assert event.registrations.get(name="Cor Wacht").status == RegistrationStatus.WAITLISTED
    assert event.registrations.get(name="Bram Gast").status == RegistrationStatus.CONFIRMED
    assert not event.attendee_messages.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, study_day):
    gets, posts = every_url(study_day)
    for address in gets:
        response = client.get(address)
        assert response.status_code == 302, address
        assert "login" in response["Location"], address
    for address, data in posts:
        assert client.post(address, data).status_code == 302, address
    unchanged(study_day)


def test_staff_without_the_permission_get_a_403_and_see_no_names(client, login_with_mfa, study_day):
    login_with_mfa(client, staff_with(email="redactie@leerhuis.example"))
    home = html(client.get("/admin/"))
    assert MENU not in home
    gets, posts = every_url(study_day)
    for address in gets:
        response = client.get(address)
        assert response.status_code == 403, address
        assert "Bram Gast" not in response.content.decode(), address
        assert "Je hebt geen toestemming" in response.content.decode(), address
    for address, data in posts:
        assert client.post(address, data).status_code == 403, address
    unchanged(study_day)


def test_view_permission_sees_everything_but_may_not_act(client, login_with_mfa, study_day):
    login_with_mfa(client, viewer())
    assert MENU in html(client.get("/admin/"))
    gets, posts = every_url(study_day)
    for address in gets:
        expected = 403 if "/bericht/" in address or "/afmelden/" in address else 200
        assert client.get(address).status_code == expected, address
    page = html(client.get(url("registrations", study_day.pk)))
    assert "Bram Gast" in page
    assert "Plaats geven" not in page and "Bericht aan deelnemers" not in page
    assert (
        url("check_in", study_day.pk, study_day.registrations.get(name="Bram Gast").pk) not in page
    )
    for address, data in posts:
        assert client.post(address, data).status_code == 403, address
    unchanged(study_day)


def test_manage_permission_shows_the_buttons(client, login_with_mfa, study_day):
    login_with_mfa(client, organiser())
    page = html(client.get(url("registrations", study_day.pk)))
    for label in ("Plaats geven", "Bericht aan deelnemers", "Afmelden", "Aanwezig"):
        assert label in page


def test_a_place_is_offered_only_when_one_is_free(client, login_with_mfa, study_day):
    login_with_mfa(client, organiser())
    cor = study_day.registrations.get(name="Cor Wacht")
    promote = url("promote", study_day.pk, cor.pk)
    assert promote in html(client.get(url("registrations", study_day.pk)))

    study_day.capacity = 2  # both places taken
    study_day.save()
    page = html(client.get(url("registrations", study_day.pk)))
    assert "Plaats geven" not in page and promote not in page
    assert "Cor Wacht" in names(page)
    assert "Afmelden" in page  # the rest stays

    study_day.capacity = None  # no limit: always room
    study_day.save()
    assert promote in html(client.get(url("registrations", study_day.pk)))


def test_nobody_is_cancelled_or_given_a_place_after_the_meeting_was_called_off_or_is_over(
    client, login_with_mfa, study_day
):
    login_with_mfa(client, organiser())
    bram = study_day.registrations.get(name="Bram Gast")
    study_day.start, study_day.end = in_days(-2, 10), in_days(-2, 16)
    study_day.save()
    page = html(client.get(url("registrations", study_day.pk)))
    assert url("cancel", study_day.pk, bram.pk) not in page
    assert "Afmelden" not in page
    assert "Aanwezig" in page  # checking in afterwards still can

    study_day.start, study_day.end = in_days(21, 10), in_days(21, 16)
    study_day.status = "geannuleerd"
    study_day.save()
    page = html(client.get(url("registrations", study_day.pk)))
    assert "Plaats geven" not in page
    summary = " ".join(BeautifulSoup(page, "html.parser").select_one(".w-summary").stripped_strings)
    assert "vrij" not in summary


def test_the_role_evenementen_can_view_and_act_on_a_new_calendar(client, login_with_mfa):
    # Running now: check-in is open (it opens on the meeting's own day). The calendar is
    # made after the roles migration: the staff app gives its meetings to Evenementen.
    event = EventPageFactory(start=timezone.now() - datetime.timedelta(hours=1))
    group = Group.objects.get(name="Evenementen")
    assert group.page_permissions.filter(page=event.get_parent()).count() == 5
    user = UserFactory(email="planner@leerhuis.example", is_staff=True)
    user.groups.add(group)
    person = registration(event, "Eva Vroeg")
    login_with_mfa(client, user)
    assert "Eva Vroeg" in html(client.get(url("registrations", event.pk)))
    client.post(url("check_in", event.pk, person.pk), {"aanwezig": "1"})
    person.refresh_from_db()
    assert person.checked_in_at is not None


def test_the_group_editor_offers_both_permissions(admin_client_with_mfa):
    group = Group.objects.create(name="Nieuwe groep")
    page = html(admin_client_with_mfa.get(reverse("wagtailusers_groups:edit", args=[group.pk])))
    assert "Mag aanmeldingen met persoonsgegevens zien" in page
    assert "Mag aanmeldingen beheren, aanwezigheid registreren en mailen" in page
