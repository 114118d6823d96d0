import time

from django.core.management.base import BaseCommand, CommandError

from events.models import EventPage
from leerhuis.bench import data


class Command(BaseCommand):
    help = (
        "Bouwt de dataset van de prestatiemeting bovenop de demo-inhoud: organisaties, leden, "
        "activiteiten met aanmeldingen, begrippen, artikelen, casussen en gesprekken."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            default="default",
            help="default (2.000 activiteiten, 6.400 leden, …), quick (1/20) of een factor.",
        )

    def handle(self, *args, scale="default", **options):
        try:
            chosen = data.parse_scale(scale)
        except ValueError as error:
            raise CommandError(
                f"Onbekende schaal {scale!r}: kies default, quick of een factor."
            ) from error
        if EventPage.objects.filter(slug__startswith=data.SLUG_PREFIX).exists():
            self.stdout.write("De meetdata staat er al; niets gedaan.")
            return
        started = time.perf_counter()
        counts = data.build(chosen)
        made = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"Meetdata gebouwd in {time.perf_counter() - started:.1f} s: {made}.")
