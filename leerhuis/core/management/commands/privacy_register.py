from django.core.management.base import BaseCommand

from leerhuis.core import privacy_register


class Command(BaseCommand):
    help = (
        "Toon het privacyregister (wat de site bewaart, waarom, op welke grond en hoe lang) "
        "als Markdown-tabel, met de bewaartermijnen uit de instellingen; voor "
        "docs/verwerkingsregister.md."
    )

    def handle(self, *args, **options):
        self.stdout.write(privacy_register.markdown(), ending="")
