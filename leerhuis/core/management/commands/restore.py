"""`manage.py restore PATH` (`make restore BACKUP=PATH`): put a back-up of `backup` back,
after checking it; how and why in leerhuis/core/backup.py."""

import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.migrations.executor import MigrationExecutor

from leerhuis.core import backup

CONFIRMATION = "herstel"


class Command(BaseCommand):
    help = (
        "Zet een back-up terug: database en bestanden worden vervangen door die van de "
        "back-up. Vraagt om bevestiging, tenzij --yes."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="De map van de back-up (met manifest.json).")
        parser.add_argument(
            "--yes", action="store_true", help="Niet om bevestiging vragen (FORCE=1 bij make)."
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        # Everything that can refuse does so before the question, and before any change.
        folder = options["backup"]
        confirm = None if options["yes"] else self.confirm
        manifest = backup.restore_backup(folder, using=options["database"], confirm=confirm)
        executor = MigrationExecutor(connections[options["database"]])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write("De code is nieuwer dan de back-up: de migraties worden gedraaid.")
            call_command("migrate", database=options["database"], interactive=False)
        self.stdout.write(f"Hersteld uit {folder} (gemaakt {manifest['created_at']}).")
        self.stdout.write(f"Nu: {backup.describe(backup.table_counts())}")
        self.stdout.write(f"In de back-up: {backup.describe(manifest['counts'])}")

    def confirm(self, folder, manifest):
        if not sys.stdin.isatty():
            raise CommandError(
                "Herstellen vervangt de hele database en alle bestanden. Bevestig met --yes "
                "(make restore BACKUP=… FORCE=1). Er is niets hersteld."
            )
        self.stdout.write(
            f"Dit vervangt de database en alle bestanden door de back-up {folder} "
            f"van {manifest['created_at']}. Wat nu opgeslagen is en niet in de back-up zit, "
            "gaat verloren."
        )
        answer = input(f"Typ '{CONFIRMATION}' om door te gaan: ")
        if answer.strip().lower() != CONFIRMATION:
            raise CommandError("Niet bevestigd; er is niets hersteld.")
