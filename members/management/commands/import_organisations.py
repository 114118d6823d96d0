from django.core.management.base import BaseCommand, CommandError

from members.csv_import import COLUMNS, ImportFileError, import_file


class Command(BaseCommand):
    help = (
        "Importeert organisaties, e-maildomeinen en lidmaatschappen uit een CSV-bestand "
        "(UTF-8, met of zonder BOM, gescheiden door ';' of ','; zoals Excel 'CSV UTF-8' "
        f"opslaat). Kopregel: {';'.join(COLUMNS)} (naam en soort verplicht). "
        "Een organisatie wordt gevonden op CBS-code, anders op naam; gewijzigde velden worden "
        "bijgewerkt, een lege cel laat de bestaande waarde staan. Domeinen: meerdere "
        "gescheiden door spaties of komma's, '*.' ervoor telt ook subdomeinen mee. Een "
        "lidmaatschap is herkenbaar aan organisatie + lid_vanaf; lid_tot leeg = doorlopend. "
        "Datums als dd-mm-jjjj of jjjj-mm-dd. Er wordt NOOIT iets verwijderd: domeinen en "
        "lidmaatschappen die niet in het bestand staan blijven bestaan. Een foute regel wordt "
        "overgeslagen en met regelnummer en reden gemeld; de andere regels gaan door. Nog een "
        "keer importeren verandert niets. Voorbeeld: docs/voorbeeld-organisaties.csv "
        "(probeer eerst met --dry-run)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Het CSV-bestand.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Alles controleren en melden, maar niets opslaan.",
        )

    def handle(self, *args, path, dry_run=False, **options):
        try:
            report = import_file(path, dry_run=dry_run)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        for line in report.summary_lines():
            self.stdout.write(line)
        if report.shared:
            self.stdout.write(
                "Gedeelde domeinen (mensen met zo'n adres kiezen zelf hun organisatie, "
                "de vereniging bevestigt):"
            )
            for number, text in report.shared:
                self.stdout.write(f"  regel {number}: {text}")
        if report.rejected:
            # Rejected rows are reported, not fatal: the good rows are in.
            self.stderr.write(f"Afgewezen regels ({len(report.rejected)}):")
            for number, reason in report.rejected:
                self.stderr.write(f"  regel {number}: {reason}")
