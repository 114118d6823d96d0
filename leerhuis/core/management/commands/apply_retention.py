from django.core.management.base import BaseCommand

from leerhuis.core import retention


class Command(BaseCommand):
    help = (
        "Verwijder wat volgens het privacyregister (de pagina /privacy/) over de bewaartermijn "
        "is: antwoorden bij aanmeldingen, verstuurde e-mails, verlopen sessies, het logboek. "
        "Dagelijks vanuit cron; veilig om vaker te draaien."
    )

    def handle(self, *args, **options):
        for label, count in retention.apply():
            self.stdout.write(f"{label}: {count} verwijderd")
