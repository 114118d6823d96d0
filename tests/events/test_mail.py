"""The mails of signing up, as the person receiving them reads them."""

import datetime
import zoneinfo

import pytest
from django.core import mail as sent
from django.utils import timezone
from icalendar import Calendar

from events import mail, services
from events.models import RegistrationStatus, Workshop
from events.models.tickets import grouped
from events.services import Answers
from leerhuis.core.models import OutboxMessage
from tests.events.helpers.services import hand_over
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    guest,
    in_days,
    member,
)
from tests.factories import OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
ONLINE = "https://meet.example/opgave-geheim"


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """run(fn, *args): call a service and let its mails go out, as after a commit."""

    def call(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return call


def hybrid(**kwargs):
    return EventPageFactory(
        title="Opgave & sturing",
        form="hybride",
        online_url=ONLINE,
        online_details="Toegangscode 4711",
        **kwargs,
    )


def to(address):
    return [m for m in sent.outbox if m.to == [address]]


def html(message):
    [(content, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return content


def everything(message):
    """Text, HTML and attachments: wherever a secret could hide."""
    return message.body + html(message) + "".join(str(a[1]) for a in message.attachments)


def qr_codes(message):
    return [a for a in message.attachments if a[2] == "image/png"]


def vevent(message):
    [(filename, content, mimetype)] = [a for a in message.attachments if a[2] != "image/png"]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    [item] = Calendar.from_ical(content).walk("VEVENT")
    return item


def assert_dutch_mail(message, subject):
    assert message.subject.startswith(subject)
    assert "Beste " in message.body and "Met vriendelijke groet" in message.body
    assert '<html lang="nl">' in html(message)
    assert f"<title>{message.subject.replace('&', '&amp;')}</title>" in html(message)


def test_the_confirmation_says_when_where_and_how_to_take_part(run):
    event = hybrid(start=in_days(21, 10), end=in_days(21, 16))
    person = member()

    registration, _ = run(services.register, event, person)

    [message] = to(person.email)
    assert_dutch_mail(message, "Je bent aangemeld: Opgave & sturing")
    day = timezone.localtime(event.start)
    weekday = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    assert f"{weekday[day.weekday()]} {day.day} " in message.body
    assert "10:00–16:00 uur" in message.body
    assert "Stadhuis Veenendaal, Raadhuisplein 1" in message.body
    url = f"http://testserver{event.url}"
    assert url in message.body and f'href="{url}"' in html(message)
    assert f"{url}afmelden/" in message.body and f'href="{url}afmelden/"' in html(message)
    assert ONLINE in message.body and "Toegangscode 4711" in message.body
    assert f'href="{ONLINE}"' in html(message)
    # Plain text is not HTML-escaped; the HTML is.
    assert "Opgave & sturing" in message.body and "&amp;" not in message.body
    assert "Opgave &amp; sturing" in html(message)
    assert "gratis" in message.body and "factuur" not in message.body
    assert registration.is_confirmed
    # The footer, in good Dutch: *het* Leerhuis.
    footer = "Je krijgt deze e-mail omdat je je via het Digitale Leerhuis hebt aangemeld."
    assert footer in message.body and footer in html(message)
    assert "de Digitale Leerhuis" not in message.body + html(message)


@pytest.mark.parametrize(
    ("month", "utc_hour"),
    [(7, 8), (1, 9)],  # 10:00 in Amsterdam is 08:00 UTC in summer, 09:00 UTC in winter
    ids=["zomer", "winter"],
)
def test_the_calendar_attachment_has_the_meeting_at_the_right_moment(run, month, utc_hour):
    today = timezone.localdate()
    year = today.year + (datetime.date(today.year, month, 15) < today + datetime.timedelta(30))
    start = datetime.datetime(year, month, 15, 10, 0, tzinfo=AMSTERDAM)
    event = hybrid(start=start, end=start + datetime.timedelta(hours=6))
    person = member()

    run(services.register, event, person)

    item = vevent(to(person.email)[0])
    assert str(item["UID"]) == f"event-{event.pk}@testserver"
    assert item.decoded("DTSTART") == datetime.datetime(
        year, month, 15, utc_hour, 0, tzinfo=datetime.UTC
    )
    assert item.decoded("DTEND") - item.decoded("DTSTART") == datetime.timedelta(hours=6)
    assert ONLINE in str(item["DESCRIPTION"])  # a confirmed place: the link is theirs


def test_a_non_member_reads_the_price_why_and_that_an_invoice_follows(run):
    event = hybrid(price_non_member=95)
    person = guest()

    run(
        services.register,
        event,
        person,
        Answers(billing_organisation="Gemeente Gouda", billing_reference="KP-4711"),
    )

    [message] = to(person.email)
    for body in (message.body, html(message)):
        assert "€\xa095,00" in body and "exclusief btw" in body
        assert "geen lid" in body
        assert "factuur voor Gemeente Gouda met kenmerk KP-4711" in body


def test_the_waiting_list_mail_never_carries_the_online_link(run):
    event = hybrid(capacity=1)
    run(services.register, event, member())
    person = guest()

    registration, _ = run(services.register, event, person)

    [message] = to(person.email)
    assert registration.status == RegistrationStatus.WAITLISTED
    assert_dutch_mail(message, "Je staat op de wachtlijst: Opgave & sturing")
    assert "als nummer 1" in message.body
    assert ONLINE not in everything(message) and "4711" not in everything(message)
    assert message.attachments == []
    assert f"http://testserver{event.url}afmelden/" in message.body
    assert "Krijg je een plaats, dan kost deelname €\xa095,00" in message.body


def test_promotion_brings_the_online_link_and_the_calendar_item(run):
    event = hybrid(capacity=1)
    first, second = member(), member()
    holder, _ = run(services.register, event, first)
    run(services.register, event, second)

    run(services.cancel, holder, first)

    [cancelled] = to(first.email)[1:]
    assert_dutch_mail(cancelled, "Je bent afgemeld: Opgave & sturing")
    assert ONLINE not in everything(cancelled) and "afmelden/" not in cancelled.body
    waiting, promoted = to(second.email)
    assert ONLINE not in everything(waiting)
    assert_dutch_mail(promoted, "Er is een plaats voor je: Opgave & sturing")
    assert ONLINE in promoted.body and f'href="{ONLINE}"' in html(promoted)
    assert str(vevent(promoted)["UID"]) == f"event-{event.pk}@testserver"


def test_an_organiser_cancelling_someone_says_so_with_the_reason(run):
    event = hybrid()
    person = member()
    registration, _ = run(services.register, event, person)
    organiser = UserFactory(is_staff=True, is_superuser=True)

    run(services.cancel, registration, organiser, reason="dubbel aangemeld")

    message = to(person.email)[-1]
    assert "De organisatie heeft je aanmelding" in message.body
    assert "dubbel aangemeld" in message.body and "dubbel aangemeld" in html(message)


def test_a_colleague_taking_over_hears_from_whom(run):
    OrganisationFactory(domain="veenendaal.nl")
    me = UserFactory(email="ik@veenendaal.nl", full_name="Astrid de Vries")
    colleague = UserFactory(email="collega@veenendaal.nl", full_name="Ruud Smit")
    mine, _ = run(services.register, hybrid(), me)

    run(hand_over, mine, colleague)

    handed_over = to(me.email)[-1]
    assert_dutch_mail(handed_over, "Je plaats is overgedragen")
    assert "overgedragen aan Ruud Smit" in handed_over.body
    assert ONLINE not in everything(handed_over)
    invited, theirs = to(colleague.email)
    assert_dutch_mail(invited, "Astrid de Vries geeft je een plaats")
    assert ONLINE not in everything(invited)  # the link is for whoever has the place
    assert_dutch_mail(theirs, "Je bent aangemeld")
    assert "Astrid de Vries heeft de plaats aan jou overgedragen" in theirs.body
    assert ONLINE in theirs.body


def test_the_same_cause_is_mailed_once(run):
    registration = RegistrationFactory(event=hybrid(), user=member())

    run(mail.confirmation, registration)
    run(mail.confirmation, registration)
    run(mail.waitlisted, registration)
    run(mail.waitlisted, registration)

    assert [m.subject for m in sent.outbox] == [
        "Je bent aangemeld: Opgave & sturing",
        "Je staat op de wachtlijst: Opgave & sturing",
    ]
    assert OutboxMessage.objects.count() == 2


def test_nobody_without_an_address_is_mailed(run):
    registration = RegistrationFactory(event=hybrid(), user=None, email="")
    assert run(mail.confirmation, registration) is None
    assert sent.outbox == []


def test_a_leergang_booking_is_one_mail_with_every_session(run):
    track = LearningTrackPageFactory(title="Leergang opgave-sturing", price_non_member=450)
    sessions = [
        hybrid(learning_track=track, start=in_days(10 + 7 * i), capacity=1) for i in range(2)
    ]
    RegistrationFactory(event=sessions[1], user=member())  # the second session is full
    person = guest()

    run(services.book_track, track, person, Answers(billing_organisation="Gemeente Ede"))

    [message] = to(person.email)
    assert_dutch_mail(message, "Je bent aangemeld voor de leergang Leergang opgave-sturing")
    assert message.body.count("Opgave & sturing") == 2
    assert "Je bent aangemeld." in message.body and "je staat op de wachtlijst" in message.body
    assert message.body.count(ONLINE) == 1  # only the session with a confirmed place
    assert "€\xa0450,00" in message.body and "factuur voor Gemeente Ede" in message.body
    [attachment] = message.attachments  # the confirmed session only
    assert f"event-{sessions[0].pk}@" in attachment[1]
    [confirmed] = sessions[0].registrations.filter(user=person)
    [waiting] = sessions[1].registrations.filter(user=person)
    assert grouped(confirmed.ticket_code) in message.body  # its own ticket, by code and link
    assert grouped(waiting.ticket_code) not in message.body


def test_the_organiser_hears_when_a_place_frees_up_at_the_last_moment(run):
    contact = PersonFactory(name="Toin Routers", email="toin@leerhuis.example")
    event = hybrid(capacity=1, contact_person=contact)
    holder, _ = run(services.register, event, member())
    run(services.register, event, member())

    run(services.cancel, holder, holder.user, now=event.start - datetime.timedelta(hours=20))

    [message] = to("toin@leerhuis.example")
    assert message.subject == "Plaats vrij binnen 24 uur: Opgave & sturing"
    assert "Beste Toin Routers," in message.body
    assert "Op de wachtlijst: 1" in message.body
    assert f"/admin/pages/{event.pk}/edit/" in message.body
    assert ONLINE not in everything(message)
    assert '<html lang="nl">' in html(message)


def test_the_confirmation_points_to_the_personal_calendar_link(mails):
    """Who signs up learns that Mijn Leerhuis keeps all their meetings in their agenda."""
    registration, _created = services.register(EventPageFactory(), member())

    [message] = mails
    assert "persoonlijke agenda-link in Mijn Leerhuis" in message.body
    assert "/mijn-leerhuis/#agenda" in message.body
    assert 'href="http://testserver/mijn-leerhuis/#agenda"' in message.alternatives[0][0]


def test_the_confirmation_names_the_chosen_workshop(run):
    event = hybrid()
    workshop = Workshop.objects.create(page=event, title="Wyberen in de praktijk")
    person = member()

    run(services.register, event, person, Answers(workshop=workshop))

    [confirmation] = to(person.email)
    assert "Je workshop: Wyberen in de praktijk" in confirmation.body
    assert "<strong>Je workshop:</strong> Wyberen in de praktijk" in html(confirmation)


def test_a_confirmed_place_gets_its_ticket_code_and_qr_code_by_mail(run):
    event = hybrid()
    person = member()

    registration, _ = run(services.register, event, person)

    [message] = to(person.email)
    code = "-".join(registration.ticket_code[i : i + 4] for i in range(0, 16, 4))
    address = f"http://testserver/activiteiten/ticket/{registration.ticket_code}/"
    for body in (message.body, html(message)):
        assert "Je ticketcode: " in body.replace("<strong>", "") and code in body
        assert address in body
    [(filename, content, mimetype)] = qr_codes(message)
    assert (filename, mimetype) == ("ticket-qr-code.png", "image/png")
    assert content.startswith(b"\x89PNG")
    assert vevent(message)  # the calendar item is still there


def test_the_waiting_list_gets_no_ticket(run):
    event = hybrid(capacity=1)
    run(services.register, event, member())
    person = guest()

    registration, _ = run(services.register, event, person)

    [message] = to(person.email)
    assert registration.ticket_code not in everything(message)
    assert "ticketcode" not in message.body and qr_codes(message) == []
