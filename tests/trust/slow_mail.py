"""A mail server that accepts each mail at once and then takes its time to hang up: the
window in which a stopped sender has sent a mail but not yet marked it sent.

Each mail becomes one line "to<TAB>subject" in the file SLOW_MAIL_FILE, written and synced
before the pause of SLOW_MAIL_SECONDS, so the file is what the recipients received.
Selected by the sender processes of tests/trust/test_worker_sigterm.py (worker_settings).
"""

import os
import time

from django.core.mail.backends.base import BaseEmailBackend


class SlowFileBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        path = os.environ["SLOW_MAIL_FILE"]
        pause = float(os.environ.get("SLOW_MAIL_SECONDS", "0.5"))
        for message in email_messages:
            with open(path, "a", encoding="utf-8") as received:
                for recipient in message.recipients():
                    received.write(f"{recipient}\t{message.subject}\n")
                received.flush()
                os.fsync(received.fileno())
            time.sleep(pause)
        return len(email_messages)
