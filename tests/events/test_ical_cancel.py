"""The calendar item that ends a place: an imported appointment disappears when someone
cancels or the meeting does not go ahead, read by icalendar and by the independent `ical`."""

import pytest

from events import services
from events.models import EventStatus
from leerhuis.core import outbox
from leerhuis.core.models import OutboxMessage
from tests.events.helpers.feeds import ONLINE, attachment_of, meeting, parsed, uid
from tests.events_factories import in_days, member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Written:
    """One mail as the outbox wrote it: its subject and its one calendar item (or none),
    drawn from its recipe as delivery draws it."""

    def __init__(self, row):
        row = outbox.render(row)
        self.subject = row.subject
        self.attachments = [(a["filename"], a["content"], a["mimetype"]) for a in row.attachments]


def to(_mails, user):
    """The person's mails in the order they were written."""
    return [Written(row) for row in OutboxMessage.objects.filter(to=user.email).order_by("pk")]


def item(text):
    """(METHOD, UID, STATUS, SEQUENCE) as each parser reads them; both must agree."""
    first, second = parsed(text)
    [a] = first.walk("VEVENT")
    [b] = second.events
    read = [
        (str(first["METHOD"]), str(a["UID"]), str(a["STATUS"]), int(a["SEQUENCE"])),
        (second.method, b.uid, b.status.value if b.status else None, b.sequence),
    ]
    assert read[0] == read[1], read
    return read[0]


def test_cancelling_sends_the_same_uid_as_method_cancel_with_a_higher_sequence(mails):
    event = meeting("Opgave-sturing", form="hybride", online_url=ONLINE)
    person = member()
    registration, _created = services.register(event, person)
    services.cancel(registration, person)

    confirmation, cancellation = to(mails, person)
    assert cancellation.subject == "Je bent afgemeld: Opgave-sturing"
    method, item_uid, status, sequence = item(attachment_of(cancellation))
    _, confirmed_uid, confirmed_status, confirmed_sequence = item(attachment_of(confirmation))

    assert (method, status) == ("CANCEL", "CANCELLED")
    assert item_uid == confirmed_uid == uid(event)
    assert confirmed_status == "CONFIRMED"
    assert sequence > confirmed_sequence
    # The person it concerns is named, as iTIP's CANCEL asks; the online link is not.
    first, second = parsed(attachment_of(cancellation))
    [new], [old] = first.walk("VEVENT"), second.events
    [attendee] = old.attendees
    assert str(new["ATTENDEE"]) == attendee.uri == f"mailto:{person.email}"
    assert attendee.common_name == registration.name
    assert ONLINE not in attachment_of(cancellation)


def test_signing_up_again_after_a_cancellation_outranks_the_cancellation(mails):
    """A calendar keeps whichever has the highest SEQUENCE: a new place must beat the
    cancellation before it, and a second cancellation the new place."""
    event = meeting()
    person = member()
    first, _ = services.register(event, person)
    services.cancel(first, person)
    second, _ = services.register(event, person)
    services.cancel(second, person)

    sequences = [item(attachment_of(message))[3] for message in to(mails, person)]
    methods = [item(attachment_of(message))[0] for message in to(mails, person)]

    assert methods == ["PUBLISH", "CANCEL", "PUBLISH", "CANCEL"]
    assert sequences == sorted(set(sequences))  # strictly rising


def test_a_cancellation_after_a_change_outranks_the_change(mails, publish):
    event = meeting()
    person = member()
    registration, _ = services.register(event, person)
    publish(event)  # records the schedule
    moved = publish(event, start=in_days(28, 10), end=in_days(28, 16))
    services.cancel(registration, person)

    confirmation, changed, cancellation = to(mails, person)
    assert changed.subject.startswith("Gewijzigd")
    assert item(attachment_of(changed))[3] == moved.sequence
    assert item(attachment_of(cancellation))[3] > moved.sequence


def test_whoever_only_waited_gets_no_calendar_item_to_cancel(mails):
    event = meeting(capacity=1)
    services.register(event, member())
    person = member()
    registration, _ = services.register(event, person)
    services.cancel(registration, person)

    waiting, cancelled = to(mails, person)
    assert waiting.attachments == [] and cancelled.attachments == []


def test_an_organiser_cancelling_a_place_cancels_the_calendar_item_too(mails):
    event = meeting()
    person = member()
    registration, _ = services.register(event, person)
    organiser = UserFactory(is_staff=True, is_superuser=True)
    services.cancel(registration, organiser, reason="dubbel aangemeld")

    method, item_uid, status, _sequence = item(attachment_of(to(mails, person)[-1]))
    assert (method, item_uid, status) == ("CANCEL", uid(event), "CANCELLED")


def test_a_meeting_that_does_not_go_ahead_cancels_the_calendar_item(mails, publish):
    event = meeting(capacity=1)
    person = member()
    services.register(event, person)
    waiting = member()
    services.register(event, waiting)
    publish(event)

    cancelled = publish(event, status=EventStatus.GEANNULEERD)

    confirmation, called_off = to(mails, person)
    assert called_off.subject.startswith("Gaat niet door")
    method, item_uid, status, sequence = item(attachment_of(called_off))
    assert (method, item_uid, status) == ("CANCEL", uid(event), "CANCELLED")
    assert sequence == cancelled.sequence > item(attachment_of(confirmation))[3]
    assert to(mails, waiting)[-1].attachments == []  # never had an item


def test_a_place_handed_to_a_colleague_leaves_the_senders_calendar(mails):
    from tests.events.helpers.services import hand_over

    event = meeting("Opgave-sturing")
    sender = member()
    colleague = UserFactory(email=f"collega@{sender.email.split('@')[1]}")
    registration, _created = services.register(event, sender)

    hand_over(registration, colleague)

    confirmation, handed_over = to(mails, sender)
    assert handed_over.subject == "Je plaats is overgedragen: Opgave-sturing"
    method, item_uid, status, sequence = item(attachment_of(handed_over))
    assert (method, item_uid, status) == ("CANCEL", uid(event), "CANCELLED")
    assert sequence > item(attachment_of(confirmation))[3]
    [theirs] = [m for m in to(mails, colleague) if m.subject.startswith("Je bent aangemeld")]
    assert item(attachment_of(theirs))[:3] == ("PUBLISH", uid(event), "CONFIRMED")
