"""Bewijs van deelname (PDF): only for the person who was there, read back as text."""

import datetime
import io

import pytest
import time_machine
from django.utils import timezone
from pypdf import PdfReader

from events import certificates, services
from events.models import Registration, RegistrationStatus
from leerhuis.core import association
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    attend,
    in_days,
    member,
)
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def event_url(registration):
    return f"/mijn-leerhuis/aanmeldingen/{registration.pk}/certificaat.pdf"


def track_url(track):
    return f"/mijn-leerhuis/leergangen/{track.pk}/certificaat.pdf"


def pdf_text(response):
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text):
    return " ".join(text.split())


@pytest.fixture
def attended():
    """Astrid was at the study day, 10:00 to 15:30 three weeks ago."""
    user = member(full_name="Astrid van de Klift")
    start = in_days(-21, 10)
    event = EventPageFactory(
        title="Opgave-sturing: het opdrachtgevende niveau versterken",
        start=start,
        end=start + datetime.timedelta(hours=5, minutes=30),
        venue="Stadhuis Veenendaal",
    )
    return RegistrationFactory(event=event, user=user, checked_in_at=start)


def test_owner_downloads_a_dutch_certificate(client, attended):
    client.force_login(attended.user)
    response = client.get(event_url(attended))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="bewijs-van-deelname-'
        'opgave-sturing-het-opdrachtgevende-niveau-versterken.pdf"'
    )
    assert "private" in response["Cache-Control"]
    text = flat(pdf_text(response))
    assert "Bewijs van deelname" in text
    assert "Astrid van de Klift" in text
    assert "Opgave-sturing: het opdrachtgevende niveau versterken" in text
    start = timezone.localtime(attended.event.start)
    months = "januari februari maart april mei juni juli augustus september oktober november"
    month = [*months.split(), "december"][start.month - 1]
    assert f"{start.day} {month} {start.year}" in text
    assert "10:00 tot 15:30 uur" in text
    assert "5,5 uur" in text
    assert association.DEFAULT_ASSOCIATION in text
    assert "Stadhuis Veenendaal" in text


def test_anonymous_visitors_are_sent_to_log_in(client, attended):
    url = event_url(attended)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


def test_someone_else_gets_a_404(client, attended):
    client.force_login(member())
    assert client.get(event_url(attended)).status_code == 404


def test_staff_do_not_download_someone_elses_certificate_here_either(client, attended):
    client.force_login(StaffFactory())
    assert client.get(event_url(attended)).status_code == 404


def test_no_certificate_before_the_meeting_has_begun(client):
    """Checked in at the door in the morning, the meeting starting at ten: the bewijs van
    deelname comes once it has begun, not before."""
    start = timezone.now() + datetime.timedelta(hours=2)
    event = EventPageFactory(start=start, end=start + datetime.timedelta(hours=3))
    here = RegistrationFactory(event=event, user=member(), checked_in_at=timezone.now())
    client.force_login(here.user)
    assert client.get(event_url(here)).status_code == 404
    assert event_url(here) not in client.get("/mijn-leerhuis/").content.decode()
    with time_machine.travel(start + datetime.timedelta(minutes=1)):
        client.force_login(here.user)
        assert client.get(event_url(here)).status_code == 200


def test_no_certificate_without_check_in(client, attended):
    Registration.objects.filter(pk=attended.pk).update(checked_in_at=None)
    client.force_login(attended.user)
    assert client.get(event_url(attended)).status_code == 404


def test_no_certificate_for_a_registration_cancelled_afterwards(client, attended):
    Registration.objects.filter(pk=attended.pk).update(status=RegistrationStatus.CANCELLED)
    client.force_login(attended.user)
    assert client.get(event_url(attended)).status_code == 404


def test_unknown_registration_is_a_404(client, attended):
    client.force_login(attended.user)
    assert client.get("/mijn-leerhuis/aanmeldingen/999999/certificaat.pdf").status_code == 404


def test_only_get(client, attended):
    client.force_login(attended.user)
    assert client.post(event_url(attended)).status_code == 405


def test_the_name_is_the_current_one_and_rare_letters_do_not_break_it(client, attended):
    user = attended.user
    user.full_name = "Łukasz Wiśniewski-Súdwest"
    user.save()
    client.force_login(user)
    response = client.get(event_url(attended))
    assert response.status_code == 200
    assert "Lukasz Wisniewski-Súdwest" in flat(pdf_text(response))


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(330, "5,5 uur"), (360, "6 uur"), (45, "0,75 uur"), (100, "1,75 uur"), (60, "1 uur")],
)
def test_hours_are_written_the_dutch_way(minutes, expected):
    start = in_days(3, 10)
    assert certificates.hours(start, start + datetime.timedelta(minutes=minutes)) == expected


# --- leergang --------------------------------------------------------------------------------


@pytest.fixture
def track_booking():
    """A leergang of three afternoons (13:00–16:00) in the past three weeks, needing two;
    Ruud booked it a month ago."""
    user = member(full_name="Ruud de Smit")
    track = LearningTrackPageFactory(title="Leergang opgave-management", min_attendance=2)
    for week, title in enumerate(["Module 1: de opgave", "Module 2: mandaat", "Module 3: sturen"]):
        start = in_days(-21 + week * 7, 13)
        EventPageFactory(
            title=title,
            learning_track=track,
            start=start,
            end=start + datetime.timedelta(hours=3),
        )
    with time_machine.travel(in_days(-30)):
        registrations = services.book_track(track, user)
    return track, user, registrations


def test_completed_leergang_gives_a_certificate_with_the_sessions(client, track_booking):
    track, user, registrations = track_booking
    attend(registrations[0])
    attend(registrations[2])
    client.force_login(user)
    response = client.get(track_url(track))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "private" in response["Cache-Control"]
    text = flat(pdf_text(response))
    assert "Bewijs van deelname" in text
    assert "Ruud de Smit" in text
    assert "Leergang opgave-management" in text
    assert "2 van de 3 sessies bijgewoond" in text
    assert "Module 1: de opgave" in text and "Module 3: sturen" in text
    assert "Module 2: mandaat" not in text  # not attended
    assert "6 uur" in text  # two afternoons of three hours


def test_leergang_not_yet_completed_is_a_404(client, track_booking):
    track, user, registrations = track_booking
    attend(registrations[0])
    client.force_login(user)
    assert client.get(track_url(track)).status_code == 404


def test_leergang_certificate_is_for_the_owner_only(client, track_booking):
    track, user, registrations = track_booking
    for registration in registrations:
        attend(registration)
    url = track_url(track)
    assert client.get(url)["Location"] == f"/accounts/login/?next={url}"
    client.force_login(member())
    assert client.get(url).status_code == 404
    client.force_login(user)
    assert client.get(url).status_code == 200


def test_unknown_leergang_is_a_404(client):
    client.force_login(member())
    assert client.get("/mijn-leerhuis/leergangen/999999/certificaat.pdf").status_code == 404
