"""Recovery: a sender stopped with SIGTERM halfway through the queue and started again sends
every mail exactly once and leaves every row marked sent; for the cron command
(`send_outbox`) and for the task worker (`db_worker`), each a real process on a file
database, sending through a mail server that is slow to hang up (tests/trust/slow_mail.py).
"""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from leerhuis.core.models import OutboxMessage
from leerhuis.core.tasks import send_outbox_message

pytestmark = pytest.mark.django_db(transaction=True)

MAILS = 6
PAUSE = 0.6  # seconds each mail holds the line after it was accepted
SENDERS = {
    "send_outbox": ["send_outbox"],
    "db_worker": ["db_worker", "--batch", "--no-startup-delay", "--interval", "0.1"],
}


def received(path):
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def start(sender, mail_file):
    database = {
        key: connection.settings_dict[key]
        for key in ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT", "OPTIONS")
    }
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.trust.worker_settings",
        "LEERHUIS_WORKER_DATABASE": json.dumps(database, default=str),
        "SLOW_MAIL_FILE": str(mail_file),
        "SLOW_MAIL_SECONDS": str(PAUSE),
    }
    return subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *SENDERS[sender]],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until(condition, process, timeout=60):
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the sender sent nothing in time"
        time.sleep(0.02)


@pytest.fixture
def queued(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    rows = [
        OutboxMessage.objects.create(
            key=f"sigterm-{n}", to=f"lid{n}@gemeente.example", subject=f"Mail {n}", text="Hoi."
        )
        for n in range(MAILS)
    ]
    for row in rows:  # what queue() does after its commit, for the task worker
        send_outbox_message.enqueue(row.pk)
    return {f"{row.to}\t{row.subject}" for row in rows}


@pytest.mark.parametrize("sender", SENDERS)
def test_a_sender_stopped_mid_queue_and_started_again_sends_each_mail_once(
    sender, queued, tmp_path
):
    mail_file = tmp_path / "ontvangen.txt"

    first = start(sender, mail_file)
    wait_until(lambda: len(received(mail_file)) >= 2, first)
    first.send_signal(signal.SIGTERM)  # the second mail is accepted, its line still open
    _, first_errors = first.communicate(timeout=30)

    out_before_restart = received(mail_file)
    assert 2 <= len(out_before_restart) < MAILS, "stopped halfway, not at the end"
    marked = OutboxMessage.objects.filter(sent_at__isnull=False)
    assert {f"{m.to}\t{m.subject}" for m in marked} == set(out_before_restart)

    second = start(sender, mail_file)
    _, second_errors = second.communicate(timeout=60)

    everything = received(mail_file)
    assert sorted(everything) == sorted(queued), "each mail exactly once"
    assert not OutboxMessage.objects.filter(sent_at__isnull=True).exists()
    # A graceful stop, not a kill: the service manager sees a clean exit.
    assert (first.returncode, second.returncode) == (0, 0), first_errors + second_errors
