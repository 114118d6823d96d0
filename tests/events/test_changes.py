"""An organiser publishes a changed meeting: who hears what, and how often."""

import datetime

import pytest
from django.core import mail as sent
from icalendar import Calendar

from events.models import EventPage, EventStatus, RegistrationStatus
from leerhuis.core.models import OutboxMessage
from tests.events_factories import EventPageFactory, RegistrationFactory, in_days, member

pytestmark = pytest.mark.django_db
ONLINE = "https://meet.example/opgave-geheim"


@pytest.fixture
def event():
    """A hybrid meeting with one confirmed, one waiting and one cancelled registration."""
    page = EventPageFactory(
        title="Opgave-sturing in de praktijk",
        form="hybride",
        online_url=ONLINE,
        start=in_days(21, 10),
        end=in_days(21, 16),
        capacity=1,
    )
    RegistrationFactory(event=page, user=member(), status=RegistrationStatus.CONFIRMED)
    RegistrationFactory(event=page, user=member(), status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=page, user=member(), status=RegistrationStatus.CANCELLED)
    return page


def by_status(event):
    return {r.email: r.status for r in event.registrations.all()}


def test_a_new_date_at_an_address_of_several_lines_says_nothing_about_the_place(publish, event):
    """The record keeps the address on one line; the mail says "Nieuwe plaats" only when
    the place itself moved."""
    EventPage.objects.filter(pk=event.pk).update(
        address="Raadhuisplein 1\n3901 GA Veenendaal", schedule={}
    )
    publish(event)  # the first publish records the schedule
    sent.outbox.clear()

    publish(event, start=in_days(28, 10), end=in_days(28, 16))

    assert sent.outbox
    assert all("Nieuwe plaats" not in message.body for message in sent.outbox)


def test_an_online_link_left_on_a_meeting_on_location_is_never_handed_out():
    """Switched from hybrid to on location with the old link still filled in: nobody gets it."""
    page = EventPageFactory(form="op-locatie", online_url=ONLINE)
    holder = RegistrationFactory(event=page, user=member())
    assert not holder.may_join_online
    assert not page.online_link_open


def test_a_new_start_is_mailed_once_to_everyone_registered(publish, event):
    statuses = by_status(event)

    changed = publish(event, start=in_days(28, 13), end=in_days(28, 17))

    assert changed.sequence == 1
    assert {m.to[0] for m in sent.outbox} == {
        email for email, status in statuses.items() if status != RegistrationStatus.CANCELLED
    }
    for message in sent.outbox:
        assert message.subject == "Gewijzigd: Opgave-sturing in de praktijk"
        assert "Nieuwe datum en tijd:" in message.body and "13:00–17:00 uur" in message.body
        assert "(was: " in message.body and "10:00–16:00 uur" in message.body
        assert message.alternatives[0][1] == "text/html"
    confirmed = next(m for m in sent.outbox if statuses[m.to[0]] == RegistrationStatus.CONFIRMED)
    waiting = next(m for m in sent.outbox if statuses[m.to[0]] == RegistrationStatus.WAITLISTED)
    assert ONLINE in confirmed.body
    [item] = Calendar.from_ical(confirmed.attachments[0][1]).walk("VEVENT")
    assert item["SEQUENCE"] == 1
    assert ONLINE not in waiting.body + waiting.alternatives[0][0]
    assert waiting.attachments == [] and "nog op de wachtlijst" in waiting.body


def test_publishing_again_unchanged_mails_nothing(publish, event):
    publish(event, start=in_days(28, 13), end=in_days(28, 17))
    sent.outbox.clear()

    again = publish(event)
    retitled = publish(event, title="Opgave-sturing in de praktijk (vol)", capacity=1)

    assert sent.outbox == []
    assert again.sequence == retitled.sequence == 1


def test_an_older_draft_published_later_does_not_undo_the_record(publish, event):
    draft = EventPage.objects.get(pk=event.pk)
    draft.title = "Nieuwe titel"
    stale = draft.save_revision()  # made before the move: it carries the old record
    publish(event, start=in_days(28, 13), end=in_days(28, 17))
    messages = OutboxMessage.objects.count()

    # Published later as the admin or the scheduler does: the revision read from the database.
    type(stale).objects.get(pk=stale.pk).publish()

    page = EventPage.objects.get(pk=event.pk)
    assert page.title == "Nieuwe titel"
    assert page.sequence == 2  # the old time is back: that is a change, told once
    assert OutboxMessage.objects.count() == messages + 2
    assert page.schedule["start"] == event.start.astimezone(datetime.UTC).isoformat()


def test_cancelling_the_meeting_tells_everyone_it_does_not_go_ahead(publish, event):
    cancelled = publish(
        event, status=EventStatus.GEANNULEERD, status_note="De spreker is ziek geworden."
    )

    assert cancelled.sequence == 1
    assert len(sent.outbox) == 2
    for message in sent.outbox:
        assert message.subject == "Gaat niet door: Opgave-sturing in de praktijk"
        assert "De spreker is ziek geworden." in message.body
        assert ONLINE not in message.body + message.alternatives[0][0]
    [with_item] = [m for m in sent.outbox if m.attachments]
    [item] = Calendar.from_ical(with_item.attachments[0][1]).walk("VEVENT")
    assert item["STATUS"] == "CANCELLED" and item["SEQUENCE"] == 1


def test_a_new_place_is_mailed(publish, event):
    publish(event, venue="Provinciehuis Utrecht", address="Archimedeslaan 6, Utrecht")

    assert len(sent.outbox) == 2
    assert "Nieuwe plaats: Provinciehuis Utrecht, Archimedeslaan 6, Utrecht (ook online)" in (
        sent.outbox[0].body
    )
    assert "(was: Stadhuis Veenendaal" in sent.outbox[0].body


def test_the_first_publish_only_records_the_schedule(publish, event):
    EventPage.objects.filter(pk=event.pk).update(schedule={})

    first = publish(event, start=in_days(28, 13), end=in_days(28, 17))

    assert sent.outbox == [] and first.sequence == 0
    assert first.schedule["start"] == in_days(28, 13).astimezone(datetime.UTC).isoformat()


def test_raising_the_capacity_on_publish_promotes_the_waiting_list(publish, event):
    waiting = event.registrations.get(status=RegistrationStatus.WAITLISTED)

    raised = publish(event, capacity=2)

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert [m.subject for m in sent.outbox] == [
        "Er is een plaats voor je: Opgave-sturing in de praktijk"
    ]
    assert sent.outbox[0].to == [waiting.email] and ONLINE in sent.outbox[0].body
    assert raised.sequence == 0


def test_correcting_a_meeting_long_past_mails_nobody(publish):
    past = EventPageFactory(start=in_days(-60, 10), end=in_days(-60, 16))
    RegistrationFactory(event=past, user=member())

    corrected = publish(past, start=in_days(-60, 9))

    assert corrected.sequence == 1 and sent.outbox == []


def test_a_meeting_called_off_and_then_on_again_says_so(publish, event):
    publish(event, status=EventStatus.GEANNULEERD)
    sent.outbox.clear()

    back = publish(event, status=EventStatus.GEPLAND)

    assert back.sequence == 2 and len(sent.outbox) == 2
    assert all("De activiteit gaat toch door." in m.body for m in sent.outbox)


def test_a_new_online_link_is_mailed_and_raises_the_sequence(publish, event):
    """The link is the place of an online meeting: whoever has the old one in their
    calendar gets the new one, and only a confirmed place sees it."""
    new_link = "https://meet.example/nieuwe-kamer"

    changed = publish(event, online_url=new_link)

    assert changed.sequence == 1
    assert len(sent.outbox) == 2
    for message in sent.outbox:
        assert "Er is een nieuwe link om online deel te nemen." in message.body
    [confirmed] = [m for m in sent.outbox if m.attachments]
    [waiting] = [m for m in sent.outbox if not m.attachments]
    assert new_link in confirmed.body
    assert new_link not in waiting.body + waiting.alternatives[0][0]


def test_a_schedule_recorded_before_the_online_link_was_kept_is_no_change(publish, event):
    """Meetings published before the link was part of the record mail nobody for it, and
    from then on a change of link counts."""
    record = {k: v for k, v in event.schedule.items() if k != "online_url"}
    EventPage.objects.filter(pk=event.pk).update(schedule=record)

    same = publish(event)

    assert sent.outbox == [] and same.sequence == 0
    assert same.schedule["online_url"] == ONLINE
    assert publish(same, online_url="https://meet.example/ander").sequence == 1
