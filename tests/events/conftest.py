import pytest
from django.core import mail

from events.models import EventPage
from leerhuis.core import outbox


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
