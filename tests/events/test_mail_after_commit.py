"""Signing up holds the meeting's lock only for the count, the insert and the outbox row:
the mail, its calendar item and its ticket are drawn after the commit, when it is sent."""

import pytest
from django.core import mail as sent
from django.db import connection
from django.test.signals import template_rendered
from django.utils import translation

from events import ical, mail_render, services, tickets
from events.services import locking
from leerhuis.core import outbox
from leerhuis.core.models import OutboxMessage
from tests.events_factories import EventPageFactory, LearningTrackPageFactory, in_days, member

pytestmark = pytest.mark.django_db


def outermost_block():
    return connection.atomic_blocks[0] if connection.atomic_blocks else None


@pytest.fixture
def drawn(monkeypatch):
    """What was drawn (templates, calendar items, QR codes), each with the transaction it
    was drawn in, and the transactions that held a meeting's lock."""
    record = {"locks": [], "drawn": []}
    take_lock = locking.lock_event

    def lock_event(pk):
        record["locks"].append(outermost_block())
        return take_lock(pk)

    def spy(name, function):
        def wrapper(*args, **kwargs):
            record["drawn"].append((name, outermost_block()))
            return function(*args, **kwargs)

        return wrapper

    def on_template(sender, template, **kwargs):
        if (template.name or "").startswith("events/mail/"):
            record["drawn"].append((template.name, outermost_block()))

    monkeypatch.setattr(locking, "lock_event", lock_event)
    monkeypatch.setattr(ical, "event_attachment", spy("ics", ical.event_attachment))
    monkeypatch.setattr(tickets, "mail_attachment", spy("qr", tickets.mail_attachment))
    template_rendered.connect(on_template)
    yield record
    template_rendered.disconnect(on_template)


@pytest.mark.django_db(transaction=True)
def test_nothing_is_drawn_while_the_meeting_is_locked(drawn):
    event = EventPageFactory(title="Volle studiedag", capacity=1)
    first, second = member(), member()

    services.register(event, first)  # confirmed: .ics, QR code, templates
    services.register(event, second)  # waiting list: templates

    names = {name for name, _block in drawn["drawn"]}
    assert {"ics", "qr", "events/mail/bevestiging.txt", "events/mail/wachtlijst.html"} <= names
    assert len(drawn["locks"]) == 2
    for name, block in drawn["drawn"]:
        assert all(block is not lock for lock in drawn["locks"]), name
    assert [m.subject for m in sent.outbox] == [
        "Je bent aangemeld: Volle studiedag",
        "Je staat op de wachtlijst: Volle studiedag",
    ]


@pytest.mark.django_db(transaction=True)
def test_booking_a_leergang_draws_its_mail_after_every_session_is_unlocked(drawn):
    track = LearningTrackPageFactory(title="Leergang opgave-sturing", price_non_member=0)
    for week in (2, 3):
        EventPageFactory(learning_track=track, start=in_days(7 * week), capacity=5)

    booked = services.book_track(track, member())

    assert len(booked) == 2 and len(drawn["locks"]) == 2
    names = [name for name, _block in drawn["drawn"]]
    assert names.count("ics") == 2 and "events/mail/leergang.txt" in names
    for name, block in drawn["drawn"]:
        assert all(block is not lock for lock in drawn["locks"]), name
    [message] = sent.outbox
    assert message.subject == "Je bent aangemeld voor de leergang Leergang opgave-sturing"
    assert [kind for _name, _data, kind in message.attachments] == ["text/calendar"] * 2


def test_a_queued_sign_up_names_its_mail_before_it_is_drawn(drawn):
    event = EventPageFactory(title="Volle studiedag")
    person = member()

    services.register(event, person)  # inside the test's transaction: never committed

    assert drawn["drawn"] == []
    row = OutboxMessage.objects.get()
    assert not row.is_rendered and row.text == "" and row.attachments == []
    assert str(row) == f"Je bent aangemeld: Volle studiedag → {person.email}"
    assert row.recipe["renderer"] == "events.registration"


def test_a_confirmation_drawn_by_an_english_worker_is_dutch_with_its_item_and_ticket():
    event = EventPageFactory(title="Opgave & sturing")
    person = member(full_name="Astrid Klift")
    registration, _ = services.register(event, person)

    with translation.override("en"):
        assert outbox.deliver_pending() == 1

    [message] = sent.outbox
    assert message.subject == "Je bent aangemeld: Opgave & sturing"
    assert "Astrid Klift" in message.body
    assert "je bent aangemeld" in message.body.lower() and "registered" not in message.body
    assert "afmelden" in message.body.lower()
    [(content, mimetype)] = message.alternatives
    assert mimetype == "text/html" and "Opgave &amp; sturing" in content
    kinds = sorted((name.rsplit(".", 1)[-1], kind) for name, _data, kind in message.attachments)
    assert kinds == [("ics", "text/calendar"), ("png", "image/png")]
    [ics] = [data for _name, data, kind in message.attachments if kind == "text/calendar"]
    assert ical.uid(event) in ics and "Opgave & sturing" in ics
    assert registration.ticket_code[:4] in message.body.replace(" ", "").replace("-", "")


def test_a_drawing_that_fails_keeps_the_row_for_the_next_delivery(monkeypatch):
    event = EventPageFactory(title="Opgave & sturing")
    person = member()
    services.register(event, person)
    working = tickets.mail_attachment

    def broken(registration):
        raise OSError("geen schijfruimte voor de QR-code")

    monkeypatch.setattr(tickets, "mail_attachment", broken)
    assert outbox.deliver_pending() == 0

    row = OutboxMessage.objects.get()
    assert row.sent_at is None and not row.is_rendered and row.attempts == 1
    assert "geen schijfruimte" in row.last_error and sent.outbox == []

    monkeypatch.setattr(tickets, "mail_attachment", working)
    assert outbox.deliver_pending() == 1
    assert outbox.deliver_pending() == 0
    [message] = sent.outbox
    assert any(kind == "image/png" for _name, _data, kind in message.attachments)
    row.refresh_from_db()
    assert row.sent_at is not None and row.is_rendered and row.last_error == ""


def test_a_drawn_mail_that_could_not_be_sent_is_sent_as_drawn(monkeypatch, settings):
    """Drawn once: a retry after a mail-server failure sends the text of the first try,
    even when the meeting changed in between."""
    event = EventPageFactory(title="Opgave & sturing")
    services.register(event, member())
    settings.OUTBOX_EMAIL_BACKEND = "tests.core.test_outbox.FlakyBackend"
    OutboxMessage.objects.update(to="kapot@gemeente.nl")
    calls, draw = [], mail_render.render

    def counted(*args, **kwargs):
        calls.append(1)
        return draw(*args, **kwargs)

    monkeypatch.setattr(mail_render, "render", counted)

    assert outbox.deliver_pending() == 0  # drawn, then refused by the mail server
    event.title = "Andere titel"
    event.save()
    settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.deliver_pending() == 1

    assert calls == [1]
    [message] = sent.outbox
    assert "Opgave & sturing" in message.body and "Andere titel" not in message.body
