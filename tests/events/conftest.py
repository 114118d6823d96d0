import pytest
from django.core import mail
from django.db import connection


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
