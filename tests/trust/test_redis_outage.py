"""Redis down: the site keeps serving, logs the outage once, and comes back by itself
(issue 22, defect a; leerhuis.core.cache_backends)."""

import contextlib
import logging
import os
import socket
import threading
import time
import uuid
from urllib.parse import urlsplit

import pytest
from django.core.cache import caches
from django.test import Client

from events.models import Registration
from leerhuis.core import cache_backends
from tests.events_factories import EventPageFactory, member
from tests.factories import PASSWORD
from tests.trust.ports import closed_port

RESILIENT = "leerhuis.core.cache_backends.ResilientRedisCache"
OUTAGE_LOGGED = "Cache onbereikbaar"
BACK_LOGGED = "Cache weer bereikbaar"


def redis_cache(port, db="/4"):
    """CACHES as settings.base makes them from REDIS_URL, at 127.0.0.1:`port`."""
    return {
        "default": {
            "BACKEND": RESILIENT,
            "LOCATION": f"redis://127.0.0.1:{port}{db}",
            "KEY_PREFIX": f"leerhuis-{uuid.uuid4().hex[:8]}",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def logged(caplog, text):
    return [record for record in caplog.records if text in record.getMessage()]


@pytest.fixture
def redis_down(settings, caplog):
    settings.CACHES = redis_cache(closed_port())
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    caplog.set_level(logging.WARNING, logger=cache_backends.__name__)
    return caplog


@pytest.mark.django_db
def test_with_redis_unreachable_pages_logins_and_sign_ups_work(client, redis_down, home_page):
    event = EventPageFactory(title="Themadag zorg")
    user = member()

    assert client.get("/").status_code == 200
    page = client.get(event.url)
    assert page.status_code == 200 and "Themadag zorg" in page.content.decode()

    signup = Client().post(
        "/accounts/signup/",
        {
            "full_name": "Ruud de Smit",
            "email": "ruud@sudwestfryslan.nl",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert signup.status_code == 302 and signup["Location"] == "/accounts/confirm-email/"

    assert client.get("/accounts/login/").status_code == 200
    login = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert login.status_code == 302 and client.session["_auth_user_id"] == str(user.pk)
    # The session lives in the database meanwhile: the next request knows who this is.
    registration = client.post(
        f"{event.url}aanmelden/", {"dietary": "", "accessibility": "", "on_attendee_list": "on"}
    )
    assert registration.status_code == 302
    assert registration["Location"] == f"{event.url}aanmelden/klaar/"
    assert Registration.objects.filter(event=event, user=user).exists()

    # Dozens of cache calls failed or were skipped; the log says so once, without traceback.
    [warning] = logged(redis_down, OUTAGE_LOGGED)
    assert warning.exc_info is None and "127.0.0.1" in warning.getMessage()


def test_a_hung_redis_costs_one_timeout_not_one_per_call(settings, caplog):
    """A Redis that accepts connections and never answers: without the breaker each call
    waits out the socket timeout (a second), and a request makes many calls."""
    with socket.create_server(("127.0.0.1", 0)) as hung:
        settings.CACHES = redis_cache(hung.getsockname()[1])
        cache = caches["default"]
        started = time.monotonic()
        for number in range(20):
            assert cache.get(f"sleutel-{number}", "standaard") == "standaard"
            cache.set(f"sleutel-{number}", number)
        assert time.monotonic() - started < 3
    assert len(logged(caplog, OUTAGE_LOGGED)) == 1


class Door:
    """A TCP door in front of the real Redis: open, it passes everything on; shut, it
    refuses connections and cuts the open ones, as a Redis that stops."""

    def __init__(self, target):
        self.target, self.port, self.links = target, closed_port(), []
        self.server = None

    def open(self):
        self.server = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.server,), daemon=True).start()

    def shut(self):
        self.server.shutdown(socket.SHUT_RDWR)
        self.server.close()
        for link in self.links:
            with contextlib.suppress(OSError):
                link.shutdown(socket.SHUT_RDWR)
            link.close()
        self.links.clear()

    def _accept(self, server):
        while True:
            try:
                inside, _ = server.accept()
            except OSError:
                return
            outside = socket.create_connection(self.target)
            self.links += [inside, outside]
            for source, sink in ((inside, outside), (outside, inside)):
                threading.Thread(target=_pipe, args=(source, sink), daemon=True).start()


def _pipe(source, sink):
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass


@pytest.fixture
def redis_behind_a_door(settings, caplog, monkeypatch):
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("REDIS_URL is not set (the PostgreSQL and Redis run sets it)")
    parts = urlsplit(url)
    target = (parts.hostname or "127.0.0.1", parts.port or 6379)
    try:
        socket.create_connection(target, timeout=1).close()
    except OSError:
        pytest.skip(f"no Redis at {url}")
    door = Door(target)
    door.open()
    now = [1000.0]
    monkeypatch.setattr(cache_backends, "clock", lambda: now[0])
    settings.CACHES = redis_cache(door.port, parts.path or "/0")
    caplog.set_level(logging.WARNING, logger=cache_backends.__name__)
    yield door, caches["default"], now
    if door.server.fileno() != -1:
        door.shut()


def test_when_redis_returns_the_cache_is_used_again_without_what_the_outage_skipped(
    redis_behind_a_door, caplog
):
    door, cache, now = redis_behind_a_door
    cache.set("sessie", "ingelogd")
    cache.set("pagina", "oud")
    assert cache.get("sessie") == "ingelogd"

    door.shut()
    assert cache.delete("sessie") is False  # a logout during the outage: skipped
    assert cache.get("pagina") is None  # a miss, not an error
    cache.set("pagina", "nieuw")  # skipped too

    door.open()
    now[0] += cache_backends.RETRY_AFTER / 2
    assert cache.get("pagina") is None  # not asked yet: the breaker waits its time
    assert logged(caplog, BACK_LOGGED) == []

    now[0] += cache_backends.RETRY_AFTER
    # Back, and what was true before the outage does not come back with it.
    assert cache.get("sessie") is None
    assert cache.get("pagina") is None
    cache.set("pagina", "nieuw")
    assert cache.get("pagina") == "nieuw"
    assert len(logged(caplog, OUTAGE_LOGGED)) == 1
    [back] = logged(caplog, BACK_LOGGED)
    assert "gewist" in back.getMessage()


def test_a_long_outage_is_logged_once_a_minute_not_once_a_call(redis_behind_a_door, caplog):
    door, cache, now = redis_behind_a_door
    door.shut()
    for _ in range(30):  # two and a half minutes of calls, a try every few seconds
        cache.get("pagina")
        now[0] += 5.1
    assert len(logged(caplog, OUTAGE_LOGGED)) == 3


def test_a_process_that_only_read_during_the_outage_clears_too(redis_behind_a_door, caplog):
    # Another worker logged someone out during the outage and was recycled since: this one
    # only read, and still must not hand out what Redis held before.
    door, cache, now = redis_behind_a_door
    cache.set("sessie", "ingelogd")
    door.shut()
    assert cache.get("pagina") is None
    door.open()
    now[0] += cache_backends.RETRY_AFTER * 2

    assert cache.get("sessie") is None


def test_clearing_the_cache_leaves_other_caches_in_the_same_redis_alone(redis_behind_a_door):
    door, cache, now = redis_behind_a_door
    client = cache._cache.get_client(write=True)
    client.set("ander-programma:sleutel", "blijft")
    cache.set("pagina", "weg")
    try:
        cache.clear()

        assert cache.get("pagina") is None
        assert client.get("ander-programma:sleutel") == b"blijft"
    finally:
        client.delete("ander-programma:sleutel")
