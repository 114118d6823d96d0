import importlib

import pytest
from django.apps import apps as django_apps

from leerhuis.staff import setup

_workflows = (
    ("glossary.migrations.0003_review_workflow", "create_review_workflow"),
    ("leerhuis.knowledge.migrations.0004_case_review_workflow", "create_case_workflow"),
)


@pytest.fixture(autouse=True)
def _roles(request):
    """The roles and the review workflows the migrations made; live-server tests flush the
    database, so the tests after them get these back from the same functions (the
    workflows' functions make the former group again; apply() folds it into Moderatie)."""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        for module, function in _workflows:
            getattr(importlib.import_module(module), function)(django_apps)
        setup.apply(django_apps)
