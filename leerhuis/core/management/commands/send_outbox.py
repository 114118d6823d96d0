"""`manage.py send_outbox`: send the outbox rows not sent yet (cron, every few minutes).

Stopping it (SIGTERM from systemd or a deploy, Ctrl-C) finishes the mail being sent, marks
it sent, and then stops; rows not reached stay for the next run. Without that, a stop
between the mail server's "accepted" and the commit that marks the row would roll the row
back, and the next run would send that mail a second time.

So a mail is sent exactly once across graceful stops. Under a hard stop in that same window
(SIGKILL, a crash, power loss) the row is rolled back and the mail goes again: at least
once, by choice, since a confirmation sent twice is better than one never sent. A second
signal stops at once: whoever sends it means it. The task worker (`db_worker`) stops the
same way: it finishes the task it runs.
"""

import signal
import threading

from django.core.management.base import BaseCommand

from leerhuis.core import outbox

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Command(BaseCommand):
    help = "Verstuur uitgaande berichten die nog niet verstuurd zijn (veilig om vaak te draaien)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-attempts",
            type=int,
            default=10,
            help="Sla berichten over die al zo vaak mislukten (standaard 10).",
        )

    def handle(self, *args, **options):
        self.stopping = False
        previous = self.catch_stop_signals()
        try:
            sent = outbox.deliver_pending(options["max_attempts"], lambda: self.stopping)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
        if self.stopping:
            self.stdout.write(
                f"Gestopt op verzoek na {sent} bericht(en); de rest gaat bij de volgende run."
            )
        else:
            self.stdout.write(f"{sent} bericht(en) verstuurd.")

    def catch_stop_signals(self):
        # Signal handlers belong to the main thread; called from elsewhere (a test's thread,
        # call_command in a task), the command runs as before, without them.
        if threading.current_thread() is not threading.main_thread():
            return {}
        previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}

        def stop(number, frame):
            self.stopping = True
            self.stderr.write(
                f"{signal.strsignal(number)}: het bericht dat nu verstuurd wordt gaat nog, "
                "dan stopt send_outbox (nog een keer: meteen stoppen)."
            )
            signal.signal(number, previous[number])

        for number in STOP_SIGNALS:
            signal.signal(number, stop)
        return previous
