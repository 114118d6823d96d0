"""Fixtures of the weekmail tests (tests/knowledge/digest_helpers.py has the rest)."""

import io

import pytest
import time_machine
from django.core.management import call_command

from tests.knowledge.digest_helpers import NOW


@pytest.fixture
def clock(db):
    """The clock on NOW; `clock.move_to(...)` moves it."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run the command as cron does, and deliver what it queued; returns what it printed."""

    def call():
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_weekly_digest", stdout=out)
        return out.getvalue()

    return call
