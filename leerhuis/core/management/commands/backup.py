"""`manage.py backup` (`make backup`): one folder with the database, the files and a
manifest; how and why in leerhuis/core/backup.py."""

from django.conf import settings
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
            "--keep-days",
            type=int,
            default=settings.BACKUP_RETENTION_DAYS,
            help="Verwijder back-ups ouder dan zoveel dagen, nooit de nieuwste "
            "(standaard BACKUP_RETENTION_DAYS; 0 = alle bewaren).",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        directory = options["dir"] or backup.default_dir()
        folder = backup.make_backup(directory, using=options["database"])
        counts = backup.read_manifest(folder)[1]["counts"]
        self.stdout.write(f"Back-up geschreven naar {folder.resolve()}")
        self.stdout.write(backup.describe(counts))
        for old in backup.prune(directory, options["keep_days"]):
            self.stdout.write(f"Oude back-up verwijderd: {old.name}")
