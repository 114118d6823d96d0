from django.core.management.base import BaseCommand

from leerhuis.core import outbox


class Command(BaseCommand):
    help = "Verstuur uitgaande berichten die nog niet verstuurd zijn (veilig om vaak te draaien)."

    def handle(self, *args, **options):
        sent = outbox.deliver_pending()
        self.stdout.write(f"{sent} bericht(en) verstuurd.")
