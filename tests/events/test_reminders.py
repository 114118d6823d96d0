"""`manage.py send_reminders`: two days ahead, each reminder once, a moved meeting anew."""

import datetime
import io

import pytest
from django.core import mail as sent
from django.core.management import call_command
from django.utils import timezone

from events.models import EventPage, EventStatus, RegistrationStatus
from tests.events_factories import EventPageFactory, RegistrationFactory, member

pytestmark = pytest.mark.django_db
ONLINE = "https://meet.example/morgen"


def hours(n):
    return timezone.now() + datetime.timedelta(hours=n)


def meeting(start, **kwargs):
    return EventPageFactory(start=start, end=start + datetime.timedelta(hours=3), **kwargs)


def confirmed(event, **kwargs):
    return RegistrationFactory(event=event, user=member(), **kwargs)


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the command as cron does; returns what it printed."""

    def call():
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", stdout=out)
        return out.getvalue()

    return call


def test_only_confirmed_places_at_meetings_within_two_days_are_reminded(remind):
    soon = meeting(hours(30), form="hybride", online_url=ONLINE)
    due = confirmed(soon)
    confirmed(soon, status=RegistrationStatus.WAITLISTED)
    confirmed(soon, status=RegistrationStatus.CANCELLED)
    confirmed(meeting(hours(50)))  # more than two days ahead
    confirmed(meeting(hours(-1)))  # begun already
    confirmed(meeting(hours(20), status=EventStatus.GEANNULEERD))
    draft = meeting(hours(20))
    confirmed(draft)
    EventPage.objects.filter(pk=draft.pk).update(live=False)

    assert remind() == "1 herinnering(en) klaargezet.\n"

    [message] = sent.outbox
    assert message.to == [due.email]
    assert message.subject == f"Herinnering: {soon.title}"
    assert ONLINE in message.body and ONLINE in message.alternatives[0][0]
    assert message.attachments[0][0].endswith(".ics")


def test_running_twice_sends_nothing_twice(remind):
    event = meeting(hours(40))
    for _ in range(3):
        confirmed(event)

    assert remind().startswith("3 ")
    assert remind().startswith("0 ")
    assert len(sent.outbox) == 3


def test_a_moved_meeting_gets_a_reminder_for_its_new_date(remind):
    event = meeting(hours(40))
    confirmed(event)
    remind()

    EventPage.objects.filter(pk=event.pk).update(start=hours(30), end=hours(33))

    assert remind().startswith("1 ")
    assert len(sent.outbox) == 2
    assert remind().startswith("0 ")


def test_who_signed_up_inside_the_two_days_had_it_all_in_the_confirmation(remind):
    event = meeting(hours(30))
    confirmed(event, confirmed_at=hours(-1))
    early = confirmed(event, confirmed_at=hours(-24 * 5))

    remind()

    assert [m.to for m in sent.outbox] == [[early.email]]
