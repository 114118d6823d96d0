"""A message to all confirmed attendees: written, previewed, sent once through the outbox,
and logged with sender and count."""

import re
import uuid

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from events.models import AttendeeMessage, RegistrationStatus
from leerhuis.core.models import OutboxMessage
from tests.events_factories import EventPageFactory, RegistrationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


SUBJECT = "Praktische informatie voor donderdag"
BODY = "Neem je laptop mee.\nDe zaal is open vanaf 10:30 & er is koffie."


def url(name, *args):
    return reverse(f"aanmeldingen:{name}", args=args)


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def registration(event, name, status=RegistrationStatus.CONFIRMED, **kwargs):
    return RegistrationFactory(
        event=event, user=UserFactory(full_name=name), name=name, status=status, **kwargs
    )


def staff_with(*codenames, email, name):
    group = Group.objects.create(name=f"groep {email}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="events", codename__in=codenames),
    )
    user = UserFactory(email=email, is_staff=True, full_name=name)
    user.groups.add(group)
    return user


@pytest.fixture
def organiser(client, login_with_mfa):
    user = staff_with(
        "view_attendees", "manage_attendees", email="olga@leerhuis.example", name="Olga Organisator"
    )
    login_with_mfa(client, user)
    return user


@pytest.fixture
def study_day():
    """Two confirmed attendees, one on the waiting list, one cancelled."""
    event = EventPageFactory(title="Studiedag opgave-sturing")
    registration(event, "Astrid Klift")
    registration(event, "Ruud Smit")
    registration(event, "Cor Wacht", RegistrationStatus.WAITLISTED)
    registration(event, "Dirk Weg", RegistrationStatus.CANCELLED, cancelled_at=timezone.now())
    return event


def preview(client, event, **data):
    return client.post(url("message", event.pk), {"subject": SUBJECT, "body": BODY, **data})


def hidden_fields(page, action):
    """The fields the preview's form with this action would post."""
    form = BeautifulSoup(page, "html.parser").find("form", action=action)
    return {field["name"]: field.get("value", "") for field in form.find_all("input")}


def test_the_form_is_labelled_and_refuses_an_empty_message(client, organiser, study_day):
    page = html(client.get(url("message", study_day.pk)))
    assert 'for="id_subject"' in page and 'for="id_body"' in page
    assert "2 bevestigde deelnemers" in page

    page = html(client.post(url("message", study_day.pk), {"subject": "", "body": ""}))
    assert "Vul een onderwerp in." in page and "Schrijf het bericht." in page
    assert not OutboxMessage.objects.exists()


def test_preview_shows_the_rendered_mail_and_the_recipient_count(client, organiser, study_day):
    page = html(preview(client, study_day))
    assert "2 bevestigde deelnemers" in page
    assert "Versturen aan 2 deelnemers" in page
    soup = BeautifulSoup(page, "html.parser")
    # The HTML mail as its own sandboxed document, the plain text below it.
    frame = soup.find("iframe", attrs={"title": "Voorbeeld van de e-mail"})
    assert frame.has_attr("sandbox")
    mail = frame["srcdoc"]
    assert "<p>Beste Astrid Klift,</p>" in mail
    assert "De zaal is open vanaf 10:30 &amp; er is koffie." in mail  # escaped, not raw HTML
    assert "Neem je laptop mee." in soup.find("pre").get_text()
    assert SUBJECT in page
    sent = hidden_fields(page, url("message_send", study_day.pk))
    assert (sent["subject"], sent["body"]) == (SUBJECT, BODY)
    uuid.UUID(sent["token"])
    # Nothing is sent by looking.
    assert not OutboxMessage.objects.exists() and not AttendeeMessage.objects.exists()


def test_edit_from_the_preview_keeps_the_text(client, organiser, study_day):
    token = str(uuid.uuid4())
    page = html(preview(client, study_day, token=token, aanpassen="1"))
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("input", attrs={"name": "subject"})["value"] == SUBJECT
    assert soup.find("textarea", attrs={"name": "body"}).get_text().strip() == BODY
    assert soup.find("input", attrs={"name": "token"})["value"] == token


def test_send_queues_one_mail_per_confirmed_attendee_once(
    client, organiser, study_day, django_capture_on_commit_callbacks, mailoutbox
):
    sent = hidden_fields(html(preview(client, study_day)), url("message_send", study_day.pk))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("message_send", study_day.pk), sent, follow=True)
    page = html(response)
    assert "Het bericht is verstuurd naar 2 deelnemers." in page

    confirmed = study_day.registrations.confirmed()
    assert sorted(message.to[0] for message in mailoutbox) == sorted(r.email for r in confirmed)
    mail = next(m for m in mailoutbox if m.to == [confirmed.get(name="Ruud Smit").email])
    assert mail.subject == SUBJECT
    assert mail.body.startswith("Beste Ruud Smit,\n\nNeem je laptop mee.")
    assert "& er is koffie" in mail.body  # plain text is not HTML-escaped
    assert "Studiedag opgave-sturing" in mail.body
    html_version = mail.alternatives[0][0]
    assert "er is koffie" in html_version and "<br>" in html_version

    # A double submit (or the back button and send again) sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url("message_send", study_day.pk), sent, follow=True)
    assert "Dit bericht was al verstuurd; het is niet opnieuw verstuurd." in html(again)
    assert len(mailoutbox) == 2
    assert OutboxMessage.objects.filter(key__startswith="bericht:").count() == 2
    assert AttendeeMessage.objects.count() == 1


def test_the_log_shows_sender_count_and_subject(
    client, organiser, study_day, django_capture_on_commit_callbacks
):
    report = url("registrations", study_day.pk)
    assert "Er is nog geen bericht aan de deelnemers verstuurd." in html(client.get(report))
    sent = hidden_fields(html(preview(client, study_day)), url("message_send", study_day.pk))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("message_send", study_day.pk), sent)

    message = AttendeeMessage.objects.get()
    assert (message.sender, message.recipient_count, message.subject) == (organiser, 2, SUBJECT)
    log = BeautifulSoup(html(client.get(report)), "html.parser").find(
        "section", attrs={"aria-labelledby": "berichten-kop"}
    )
    cells = [td.get_text(strip=True) for td in log.select("tbody td")]
    assert cells[1:] == ["Olga Organisator", SUBJECT, "2"]
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", cells[0])

    # The page's own history has it too.
    entry = PageLogEntry.objects.get(page=study_day, action="events.bericht")
    assert entry.user == organiser
    assert entry.message == f"Bericht aan 2 deelnemers: {SUBJECT}"


def test_sending_without_a_preview_is_a_400(client, organiser, study_day):
    response = client.post(url("message_send", study_day.pk), {"subject": SUBJECT, "body": BODY})
    assert response.status_code == 400
    assert not OutboxMessage.objects.exists()


def test_a_tampered_token_shows_the_form_again(client, organiser, study_day):
    page = html(
        client.post(
            url("message_send", study_day.pk), {"subject": SUBJECT, "body": BODY, "token": "x"}
        )
    )
    assert 'name="subject"' in page
    assert not OutboxMessage.objects.exists()


def test_nobody_confirmed_means_nothing_to_send(client, organiser):
    event = EventPageFactory()
    registration(event, "Cor Wacht", RegistrationStatus.WAITLISTED)
    assert "0 bevestigde deelnemers" in html(client.get(url("message", event.pk)))
    response = client.post(
        url("message_send", event.pk),
        {"subject": SUBJECT, "body": BODY, "token": str(uuid.uuid4())},
        follow=True,
    )
    assert "Er zijn geen bevestigde deelnemers om te mailen." in html(response)
    assert not AttendeeMessage.objects.exists() and not OutboxMessage.objects.exists()


def test_view_permission_alone_may_not_message(client, login_with_mfa, study_day):
    login_with_mfa(
        client, staff_with("view_attendees", email="kijker@leerhuis.example", name="Kees Kijker")
    )
    assert client.get(url("message", study_day.pk)).status_code == 403
    assert preview(client, study_day).status_code == 403
    response = client.post(
        url("message_send", study_day.pk),
        {"subject": SUBJECT, "body": BODY, "token": str(uuid.uuid4())},
    )
    assert response.status_code == 403
    assert not OutboxMessage.objects.exists()
