"""The development record in "download mijn gegevens" and in deleting an account: the three
hooks of members.dashboard, registered when EventsConfig.ready imports this module.

The export reads the same lines as the record page and the statement (record.py), for all
years at once in a fixed handful of queries. The archive carries each year's statement as
PDF and CSV, made by the functions behind the downloads, and the proof documents as they
were uploaded. Deleting an account removes the learning elsewhere and the goals one by one
(not by the database's cascade alone), so the post_delete signal takes each proof from
storage (events/signals.py remove_proof); the Leerhuis meetings themselves stay as
anonymised registrations, and their codes stop confirming (verify.py).
"""

import logging
import posixpath
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from events.models import DevelopmentGoal, ExternalLearning
from members.dashboard import DELETE_HOOK, EXPORT_FILES_HOOK, EXPORT_HOOK

from .record import (
    YearRecord,
    counted_registrations,
    external_line,
    meeting_line,
    with_study_load,
)
from .statement import csv_bytes, pdf_bytes

logger = logging.getLogger(__name__)


def records_of(user):
    """A YearRecord for every year with lines or a goal, latest first."""
    registrations = with_study_load(counted_registrations(user)).order_by("event__start", "pk")
    lines = [meeting_line(r) for r in registrations]
    lines += [
        external_line(e)
        for e in ExternalLearning.objects.filter(user=user).select_related("scheme")
    ]
    by_year = defaultdict(list)
    for line in sorted(lines, key=lambda line: (line.date, line.kind, line.title)):
        by_year[line.date.year].append(line)
    goals = {g.year: g for g in DevelopmentGoal.objects.filter(user=user).select_related("scheme")}
    years = sorted({*by_year, *goals}, reverse=True)
    return [YearRecord(year=year, lines=by_year[year], goal=goals.get(year)) for year in years]


def _number(value):
    return None if value is None else str(value)


def _points(points):
    return [
        {"regeling": str(scheme), "eenheid": scheme.unit, "punten": _number(value)}
        for scheme, value in points
    ]


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


def proof_name(external):
    """The proof's own file name, without the random folder it is stored in."""
    return posixpath.basename(external.proof.name) if external.proof else ""


def _line(line):
    return {
        "datum": line.date.isoformat(),
        "activiteit": line.title,
        "leergang": line.track,
        "organisator": line.organiser,
        "soort": _("Leerhuis") if line.is_leerhuis else _("eigen opgave"),
        "studie-uren": _number(line.hours),
        "punten": _points(line.points),
        "verificatiecode": line.code,
    }


def _external(external):
    return {
        "titel": external.title,
        "organisator": external.organiser,
        "datum": external.date.isoformat(),
        "studie-uren": _number(external.hours),
        "regeling": str(external.scheme) if external.scheme else "",
        "punten": _number(external.points),
        "bewijsstuk": proof_name(external),
        "vastgelegd_op": _iso(external.created_at),
        "gewijzigd_op": _iso(external.updated_at),
    }


def _goal(goal):
    return {
        "jaar": goal.year,
        "studie-uren": _number(goal.hours),
        "regeling": str(goal.scheme) if goal.scheme else "",
        "punten": _number(goal.points),
    }


@hooks.register(EXPORT_HOOK)
def export_record(user):
    elsewhere = ExternalLearning.objects.filter(user=user).select_related("scheme")
    goals = DevelopmentGoal.objects.filter(user=user).select_related("scheme").order_by("year")
    return "ontwikkeling", {
        "per_jaar": [
            {"jaar": record.year, "regels": [_line(line) for line in record.lines]}
            for record in records_of(user)
            if record.lines
        ],
        "leren_elders": [_external(e) for e in elsewhere.order_by("date", "pk")],
        "doelen": [_goal(goal) for goal in goals],
    }


@hooks.register(EXPORT_FILES_HOOK)
def export_files(user):
    """Each year's statement (PDF and CSV), and every proof document (two proofs of the same
    name both go in: the archive numbers the second, members.views._archive_path)."""
    for record in records_of(user):
        if record.lines:
            yield f"ontwikkeling/{record.year}.pdf", pdf_bytes(user, record)
            yield f"ontwikkeling/{record.year}.csv", csv_bytes(record)
    for external in ExternalLearning.objects.filter(user=user).exclude(proof="").order_by("pk"):
        try:
            with external.proof.open("rb") as proof:
                content = proof.read()
        except OSError:
            # Gone from storage already: the rest of the archive is still theirs to have.
            logger.warning("Bewijsstuk %s ontbreekt in de opslag", external.proof.name)
            continue
        yield f"bewijsstukken/{proof_name(external)}", content


@hooks.register(DELETE_HOOK)
def delete_record(user):
    for external in ExternalLearning.objects.filter(user=user):
        external.delete()
    DevelopmentGoal.objects.filter(user=user).delete()
