import json
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from leerhuis.bench import plan as bench_plan


class Command(BaseCommand):
    help = (
        "Alles voor een meting in één proces: migreren, de cachetabel, de demo-inhoud, de "
        "meetdata en het meetplan (JSON voor de lastgenerator)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", default="default", help="default, quick of een factor.")
        parser.add_argument("--plan", required=True, help="Het JSON-bestand van het meetplan.")

    def handle(self, *args, scale, plan, **options):
        started = time.monotonic()

        def step(message):
            self.stdout.write(f"   [{time.monotonic() - started:5.1f} s] {message}")
            self.stdout.flush()

        step("migreren")
        # The cache table first: the migrations' writes already tell the page cache.
        if "DatabaseCache" in settings.CACHES["default"]["BACKEND"]:
            call_command("createcachetable")
        call_command("migrate", interactive=False, verbosity=0)
        step("demo-inhoud (load_demo)")
        call_command("load_demo", quiet_logins=True, stdout=self.stdout)
        step(f"meetdata (schaal {scale})")
        call_command("bench_data", scale=scale, stdout=self.stdout)
        step("meetplan: sessies van leden, de aanmeldpiek")
        document = bench_plan.build_plan()
        with open(plan, "w", encoding="utf-8") as file:
            json.dump(document, file, ensure_ascii=False)
        step(f"klaar: {len(document['targets'])} doelen en de aanmeldpiek")
