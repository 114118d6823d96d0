import json

from django.core.management.base import BaseCommand

from leerhuis.bench import linking, plan


class Command(BaseCommand):
    help = (
        "Na de belasting: wat de aanmeldpiek in de database achterliet, en hoe lang het "
        "koppelen van begrippen in een tekst van 5.000 woorden duurt. Schrijft JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("--event", type=int, required=True, help="De activiteit van de piek.")

    def handle(self, *args, event, **options):
        result = {"burst": plan.burst_outcome(event), "linking_ms": linking.median_ms()}
        self.stdout.write(json.dumps(result))
