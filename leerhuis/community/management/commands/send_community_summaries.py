"""The daily summary of followed conversations; run once a day from cron. Safe to run more
often: each person gets one summary per day (see leerhuis/community/services/summaries.py)."""

from django.core.management.base import BaseCommand, CommandError

from leerhuis.community.services.summaries import send_daily


class Command(BaseCommand):
    help = (
        "Zet de dagelijkse samenvatting klaar van de gesprekken die mensen volgen "
        "(veilig om vaker te draaien: één per persoon per dag)."
    )

    def handle(self, *args, **options):
        report = send_daily()
        self.stdout.write(
            f"{report.queued} samenvatting(en) klaargezet, "
            f"{report.nothing_new} zonder nieuws overgeslagen."
        )
        if report.failed:
            raise CommandError(f"{report.failed} samenvatting(en) niet gelukt; zie het log.")
