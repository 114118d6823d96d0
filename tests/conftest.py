import importlib

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache

from leerhuis.core.models import HomePage

_create_homepage = importlib.import_module(
    "leerhuis.core.migrations.0002_create_homepage"
).create_homepage


@pytest.fixture(autouse=True)
def _clear_cache():
    # allauth's rate limits live in the cache; one test's attempts must not block another's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _site_tree(request):
    """The root page, home page and Site that the migrations made.

    Live-server tests flush the database afterwards, so tests that follow get them back
    from the migration's own function.
    """
    if (
        "db" in request.fixturenames
        or "transactional_db" in request.fixturenames
        or (request.node.get_closest_marker("django_db"))
    ):
        request.getfixturevalue(
            "transactional_db" if "transactional_db" in request.fixturenames else "db"
        )
        _create_homepage(django_apps)


@pytest.fixture
def home_page(db):
    return HomePage.objects.get()
