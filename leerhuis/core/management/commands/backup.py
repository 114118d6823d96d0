"""`manage.py backup` (`make backup`): one folder with the database, the files and a
manifest; how and why in leerhuis/core/backup.py."""

import os

from django.core.management.base import BaseCommand

from leerhuis.core import backup


class Command(BaseCommand):
    help = (
        "Maak een back-up van de database en de geüploade bestanden (media en documenten) "
        "in een eigen map met een manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            default=None,
            help="Waar de back-ups komen (standaard BACKUP_DIR, anders backups/).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=int(os.environ.get("BACKUP_KEEP") or 14),
            help="Bewaar alleen de N nieuwste back-ups (standaard BACKUP_KEEP of 14; 0 = alle).",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        directory = options["dir"] or backup.default_dir()
        folder = backup.make_backup(directory, using=options["database"])
        counts = backup.read_manifest(folder)[1]["counts"]
        self.stdout.write(f"Back-up geschreven naar {folder.resolve()}")
        self.stdout.write(backup.describe(counts))
        for old in backup.prune(directory, options["keep"]):
            self.stdout.write(f"Oude back-up verwijderd: {old.name}")
