import importlib

import pytest
from django.apps import apps as django_apps
from django.core import mail

from leerhuis.core import outbox
from leerhuis.staff import setup as roles_setup

_create_review_workflow = importlib.import_module(
    "glossary.migrations.0003_review_workflow"
).create_review_workflow
_grant_permissions = importlib.import_module(
    "glossary.migrations.0004_editor_permissions"
).grant_permissions


@pytest.fixture(autouse=True)
def _review_workflow(request):
    """The workflow "Begrippen vaststellen" and the groups' permissions the migrations made;
    live-server tests flush the database, so the tests after them get these back from the
    migrations' own functions."""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        _create_review_workflow(django_apps)
        _grant_permissions(django_apps)
        # Those functions make the former groups again; the roles take them in.
        roles_setup.apply(django_apps)


@pytest.fixture
def sent_mails(db):
    """The mails as they leave: what the outbox holds, delivered (tests never commit, so the
    task queued after the commit never runs)."""

    def deliver():
        outbox.deliver_pending()
        return list(mail.outbox)

    return deliver
