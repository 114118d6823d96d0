import importlib
import os
import shutil

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Collection

from leerhuis.core.models import HomePage
from tests.factories import PASSWORD, StaffFactory
from tests.members.mfa import activate_totp, totp_code

_create_homepage = importlib.import_module(
    "leerhuis.core.migrations.0002_create_homepage"
).create_homepage


@pytest.fixture(autouse=True)
def _clear_cache():
    # allauth's rate limits live in the cache; one test's attempts must not block another's.
    cache.clear()
    yield
    cache.clear()


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "mail_after_commit: a mail sent the Django way waits for the commit"
    )


@pytest.fixture(scope="session", autouse=True)
def _mail_through_the_outbox(django_test_environment):
    """Django's test set-up points EMAIL_BACKEND at its local-memory backend, past the
    outbox; the site's own is put back, so tests send mail as production does. What the
    outbox delivers still lands in django.core.mail.outbox (OUTBOX_EMAIL_BACKEND)."""
    from django.conf import settings

    configured = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    settings.EMAIL_BACKEND = configured.EMAIL_BACKEND


@pytest.fixture(autouse=True)
def _mail_handed_on_at_once(request, monkeypatch):
    """Mail sent the Django way (allauth's, Wagtail's) becomes an outbox row that goes to
    the sending task after the commit (leerhuis.core.mail_backend). A test runs inside one
    transaction that never commits, so such a mail would never be sent: here the row goes
    to the task at once, and django.core.mail.outbox holds the mail as the request ends,
    as it would in production. The row is still written and delivered as in production.
    Tests of the after-commit step itself are marked `mail_after_commit`."""
    if request.node.get_closest_marker("mail_after_commit"):
        return
    from leerhuis.core import outbox
    from leerhuis.core.mail_backend import OutboxEmailBackend

    monkeypatch.setattr(OutboxEmailBackend, "hand_on", staticmethod(outbox.enqueue))


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
        if not Collection.objects.exists():
            # Wagtail's migration makes the root collection; documents and images need it.
            Collection.add_root(name="Root")


@pytest.fixture
def page_cache_off(settings):
    """For tests that count what rendering a page costs: with the page cache on, a repeat
    anonymous visit would be answered from it, with no query at all."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _render_cost_counted(request, monkeypatch):
    """Counting queries measures rendering: while a test counts (CaptureQueriesContext, so
    also django_assert_num_queries), the page cache is off. Otherwise a repeat visit would
    be a hit of 0 queries, and "as many for 500 as for 10" would hold without measuring
    anything. Tests of the cache's own hits are marked `page_cache_hits`."""
    if request.node.get_closest_marker("page_cache_hits"):
        return
    enter, leave = CaptureQueriesContext.__enter__, CaptureQueriesContext.__exit__

    def counting(context):
        context._page_cache_off = override_settings(PAGE_CACHE_SECONDS=0)
        context._page_cache_off.enable()
        return enter(context)

    def done(context, *exc):
        try:
            return leave(context, *exc)
        finally:
            context._page_cache_off.disable()

    monkeypatch.setattr(CaptureQueriesContext, "__enter__", counting)
    monkeypatch.setattr(CaptureQueriesContext, "__exit__", done)


@pytest.fixture
def home_page(db):
    return HomePage.objects.get()


def _login_with_mfa(client, user):
    """Log in as staff do: password, then a code from the authenticator app."""
    secret = activate_totp(user)
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    client.staff = user
    return client


@pytest.fixture
def login_with_mfa():
    """`login_with_mfa(client, user)`: a client in the admin as that (staff) user."""
    return _login_with_mfa


@pytest.fixture
def admin_client_with_mfa(client):
    return _login_with_mfa(client, StaffFactory(full_name="Toin Routers"))


@pytest.fixture(scope="session", autouse=True)
def _documents_folder():
    """Documents of this run are real files (settings.test); they go when the run ends."""
    yield
    from django.conf import settings

    location = settings.STORAGES["documents"].get("OPTIONS", {}).get("location")
    if location and ".pytest-documents-" in str(location):
        shutil.rmtree(location, ignore_errors=True)
