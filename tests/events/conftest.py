import pytest
from django.core import mail
from django.utils import timezone

from events.models import EventPage, RegistrationStatus, Workshop
from leerhuis.core import outbox
from tests.events.helpers.registrations_admin import registration
from tests.events_factories import EventPageFactory


class SentMails:
    """django.core.mail.outbox once the outbox is delivered: tests run inside one transaction
    that never commits, so the task that would send each queued row after the commit never
    runs; delivering what is pending (as `manage.py send_outbox` does) sends them."""

    def _flush(self):
        outbox.deliver_pending()
        return mail.outbox

    def __iter__(self):
        return iter(self._flush())

    def __len__(self):
        return len(self._flush())

    def __getitem__(self, index):
        return self._flush()[index]

    def __bool__(self):
        return bool(self._flush())


@pytest.fixture
def mails(db):
    return SentMails()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """publish(event, **changes): what an editor does in the admin, a revision published
    (so the signals run: sequence, change mails, waiting list)."""

    def call(event, **changes):
        page = EventPage.objects.get(pk=event.pk)
        for name, value in changes.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return EventPage.objects.get(pk=event.pk)

    return call


@pytest.fixture
def send_mail(django_capture_on_commit_callbacks):
    """Run what is queued on commit, so the outbox sends through the immediate backend."""

    def post(client, url, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {})

    return post


# The study day of test_admin_registrations_*.py. test_admin_exports.py,
# test_admin_guards.py, test_admin_messages.py and test_event_page_announcement.py define
# a study day of their own, which pytest gives their tests instead.
@pytest.fixture
def study_day():
    """Three weeks ahead, 3 places: two confirmed (one member, one guest), one waiting,
    one cancelled."""
    event = EventPageFactory(title="Studiedag opgave-sturing", capacity=3, price_non_member=95)
    workshop = Workshop.objects.create(page=event, title="Opgave-ateliers")
    registration(
        event,
        "Astrid Klift",
        organisation_name="Gemeente Veenendaal",
        is_member=True,
        workshop=workshop,
    )
    registration(event, "Bram Gast", organisation_name="Adviesbureau Gast", price=95)
    registration(
        event, "Cor Wacht", RegistrationStatus.WAITLISTED, organisation_name="Gemeente Ede"
    )
    registration(event, "Dirk Weg", RegistrationStatus.CANCELLED, cancelled_at=timezone.now())
    return event
