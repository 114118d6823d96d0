"""The site's real server, gunicorn with the project's gunicorn.conf.py, does not name
itself or its version in any response header: that only helps whoever looks for a known
hole in a known version (issue 22, defect (f))."""

import http.client
import os
import signal
import subprocess
import sys
import time

import pytest
from django.db import connection

from leerhuis.bench.runner import ROOT, free_port

STARTUP_SECONDS = 60


def database_url():
    """The test database, which the migrations made (its rows of this test stay unseen)."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{db['USER']}@{db['HOST']}{port}/{db['NAME']}"


@pytest.fixture
def gunicorn_server(db):
    port = free_port()
    # The settings of the tests on the test database, one worker, no Redis.
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "leerhuis.settings.test",
        "DATABASE_URL": database_url(),
        "WEB_CONCURRENCY": "1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    command = [sys.executable, "-m", "gunicorn", "leerhuis.wsgi:application"]
    command += ["--config", str(ROOT / "gunicorn.conf.py"), "--log-level", "warning"]
    server = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert server.poll() is None, "gunicorn stopte bij het opstarten"
            try:
                get(port, "/robots.txt")
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn antwoordde niet"
                time.sleep(0.2)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": "localhost"})
        response = connection.getresponse()
        response.read()
        return response
    finally:
        connection.close()


def test_no_response_header_names_gunicorn_or_its_version(gunicorn_server):
    import gunicorn

    for path in ["/robots.txt", "/static/css/leerhuis.css"]:
        response = get(gunicorn_server, path)
        headers = "\n".join(f"{name}: {value}" for name, value in response.getheaders())

        assert response.status == 200, headers
        assert "gunicorn" not in headers.lower()
        assert gunicorn.__version__ not in headers
