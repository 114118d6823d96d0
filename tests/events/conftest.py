import pytest
from django.core import mail
from django.db import connection

from events.models import EventPage


class SentMails:
    """django.core.mail.outbox, after the work waiting for the test's transaction to
    commit (queued mail tasks) has run: tests run inside one transaction that never commits."""

    def _flush(self):
        while connection.run_on_commit:
            _savepoints, callback, _robust = connection.run_on_commit.pop(0)
            callback()
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
