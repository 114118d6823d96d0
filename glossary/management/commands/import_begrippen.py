from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from glossary.importing import import_file
from glossary.rows import ImportFileError
from glossary.spreadsheet import COLUMNS


class Command(BaseCommand):
    help = (
        "Importeert begrippen uit een CSV-bestand (zoals /begrippen/begrippenkader.csv: "
        "UTF-8, gescheiden door ';') of een Turtle-bestand (zoals "
        "/begrippen/begrippenkader.ttl). Het soort volgt uit de extensie (.csv, .ttl) of "
        f"uit --format. CSV-kolommen: {';'.join(COLUMNS)}; voorkeursterm en definitie zijn "
        "verplicht, meerdere termen of begrippen in één cel gescheiden door '|'. Een begrip "
        "wordt gevonden op zijn slug: nieuw wordt aangemaakt, gewijzigd bijgewerkt en "
        "gepubliceerd met een nieuwe versie. Begrippen die niet in het bestand staan blijven "
        "zoals ze zijn; een concept dat nog niet gepubliceerd is (in beoordeling) blijft een "
        "concept en kan niet als verwant of bovenliggend begrip genoemd worden. Bij één fout "
        "wordt niets geïmporteerd."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Het bestand (.csv of .ttl).")
        parser.add_argument(
            "--format",
            choices=["csv", "turtle", "json-ld"],
            help="Het soort bestand, als de extensie het niet zegt.",
        )

    def handle(self, *args, path, format=None, **options):
        try:
            report = import_file(path, format)
        except ImportFileError as exc:
            raise CommandError(
                _("Niets geïmporteerd; los dit eerst op:") + "\n" + str(exc)
            ) from exc
        for line in report.lines():
            self.stdout.write(line)
