"""Bring the organisation register in line with a CSV file kept in Excel.

Reads what Dutch Excel writes ("CSV UTF-8", `;`-separated, dd-mm-jjjj) as well as plain
comma-separated UTF-8. Idempotent and additive: it creates and updates organisations,
domains and memberships but never deletes any, so a partial file is safe to import.
The rules themselves live on the models; every row goes through their full_clean().
"""

from contextlib import nullcontext
from dataclasses import dataclass, field

from django.db import transaction

from members.csv_import.reading import COLUMNS, ImportFileError, RowError, parse_row, read_rows
from members.csv_import.saving import import_row

__all__ = ["COLUMNS", "ImportFileError", "Report", "import_file"]


@dataclass
class Report:
    """What an import did (or, with dry_run, would do), in counts and rejected rows."""

    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    domains_created: int = 0
    domains_updated: int = 0
    memberships_created: int = 0
    memberships_updated: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    shared: list[tuple[int, str]] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        lines = [
            f"Organisaties: {self.created} nieuw, {self.updated} bijgewerkt, "
            f"{self.unchanged} ongewijzigd, {len(self.rejected)} afgewezen.",
            f"Domeinen: {self.domains_created} toegevoegd, {self.domains_updated} gewijzigd.",
            f"Lidmaatschappen: {self.memberships_created} toegevoegd, "
            f"{self.memberships_updated} bijgewerkt.",
        ]
        if self.dry_run:
            lines.append("Proefdraai (--dry-run): er is niets opgeslagen.")
        return lines


def import_file(path, dry_run: bool = False) -> Report:
    """Import every row it can; the others are listed in the report with their reason.

    With dry_run every row is written and checked inside one transaction that is rolled
    back at the end, so the report is exactly what a real run would say.
    """
    rows = read_rows(path)
    report = Report(dry_run=dry_run)
    with transaction.atomic() if dry_run else nullcontext():
        _import_rows(rows, report)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _import_rows(rows, report: Report):
    seen_names: dict[str, int] = {}
    seen_codes: dict[str, int] = {}
    for line, values in rows:
        try:
            if isinstance(values, RowError):
                raise values
            row = parse_row(values)
            _check_duplicates(line, row, seen_names, seen_codes)
            outcome = import_row(row)
        except RowError as exc:
            report.rejected.append((line, str(exc)))
            continue
        setattr(report, outcome.status, getattr(report, outcome.status) + 1)
        report.domains_created += outcome.domains_created
        report.domains_updated += outcome.domains_updated
        report.memberships_created += outcome.memberships_created
        report.memberships_updated += outcome.memberships_updated
        report.shared += [(line, text) for text in outcome.shared_domains]


def _check_duplicates(line, row, seen_names, seen_codes):
    """One row per organisation: a second row for it is a mistake, whichever is right."""
    name_key = row.name.casefold()
    code = row.fields.get("cbs_code")
    earlier_name = seen_names.setdefault(name_key, line)
    earlier_code = seen_codes.setdefault(code, line) if code else line
    if earlier_name != line:
        raise RowError(f"naam '{row.name}' staat ook op regel {earlier_name}")
    if earlier_code != line:
        raise RowError(f"CBS-code '{code}' staat ook op regel {earlier_code}")
