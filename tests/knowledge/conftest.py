import importlib

import pytest
from django.apps import apps as django_apps
from django.core import mail

from leerhuis.core import outbox

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


@pytest.fixture
def sent_mails(db):
    """The mails as they leave the outbox (tests never commit, so the task queued after the
    commit never runs)."""

    def deliver():
        outbox.deliver_pending()
        return list(mail.outbox)

    return deliver
