"""The weekmail of the week before; run weekly from cron (Monday morning). Safe to run more
often: each person gets one weekmail per week (see leerhuis/knowledge/digest/sending.py)."""

from django.core.management.base import BaseCommand, CommandError

from leerhuis.knowledge.digest.sending import send_weekly


class Command(BaseCommand):
    help = (
        "Zet de weekmail klaar voor iedereen die hem aan heeft: wat de week ervoor nieuw is "
        "verschenen (veilig om vaker te draaien)."
    )

    def handle(self, *args, **options):
        report = send_weekly()
        self.stdout.write(
            f"Week {report.period.label}: {report.queued} weekmail(s) klaargezet, "
            f"{report.nothing_new} zonder nieuws overgeslagen."
        )
        if report.failed:
            raise CommandError(f"{report.failed} weekmail(s) niet gelukt; zie het log.")
