"""Fixtures of the kennisbank tests: the case workflow, the mails as they leave, and the
weekmail's clock and command (tests/knowledge/digest_helpers.py has the rest)."""

import importlib
import io

import pytest
import time_machine
from django.apps import apps as django_apps
from django.core import mail
from django.core.management import call_command

from leerhuis.core import outbox
from leerhuis.staff import setup as roles_setup
from tests.knowledge.digest_helpers import NOW

_create_case_workflow = importlib.import_module(
    "leerhuis.knowledge.migrations.0004_case_review_workflow"
).create_case_workflow


@pytest.fixture(autouse=True)
def _case_workflow(request):
    """The workflow "Praktijkcasussen beoordelen" that migration 0004 made; live-server tests
    flush the database, so the tests after them get it back from the migration's function."""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        _create_case_workflow(django_apps)
        # Those functions make the former groups again; the roles take them in.
        roles_setup.apply(django_apps)


@pytest.fixture
def sent_mails(db):
    """The mails as they leave the outbox (tests never commit, so the task queued after the
    commit never runs)."""

    def deliver():
        outbox.deliver_pending()
        return list(mail.outbox)

    return deliver


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
