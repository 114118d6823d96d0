"""Mijn Leerhuis: the section "Mijn ontwikkeling" (this year's hours and points, the goal's
progress, the way to the whole record). EventsConfig.ready imports this module to register
the hook.

The section builds the same YearRecord as the record page, from the same rule of what
counts (record.counted_in_year) and the same lines (record.meeting_line), so the two never
disagree. Only the loading differs: Django skips a prefetch when there is nothing to
prefetch for, so record_for costs a few queries fewer for an empty year, and the dashboard
(whose query count must not depend on what someone did) loads the programmes,
accreditations and themes with queries that always run, however many meetings or none.
"""

from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from events.models import (
    DevelopmentGoal,
    EventAccreditation,
    EventPage,
    ExternalLearning,
    ProgrammeSlot,
)
from members.dashboard import SECTIONS_HOOK, Section

from .record import YearRecord, counted_in_year, external_line, meeting_line


def _grouped(queryset, key, attribute=None):
    found = defaultdict(list)
    for row in queryset:
        found[getattr(row, key)].append(getattr(row, attribute) if attribute else row)
    return found


def _preload(event, relation, items):
    """Put `items` where Django's prefetch would, so event.<relation>.all() reads them."""
    queryset = getattr(event, relation).all()  # not evaluated: no query
    queryset._result_cache = items
    queryset._prefetch_done = True
    event.__dict__.setdefault("_prefetched_objects_cache", {})[relation] = queryset


def year_record(user, year):
    """The YearRecord of `user` for `year` (as record.record_for makes it) in the same
    seven queries whether the year holds nothing, five meetings or two hundred."""
    counted = counted_in_year(user, year)
    registrations = list(
        counted.select_related("event", "event__learning_track").order_by("event__start", "pk")
    )
    events = counted.values("event_id")
    links = EventPage.themes.through.objects.filter(eventpage__in=events)
    related = {
        "programme": _grouped(ProgrammeSlot.objects.filter(page__in=events), "page_id"),
        "accreditations": _grouped(
            EventAccreditation.objects.filter(page__in=events).select_related("scheme"),
            "page_id",
        ),
        "themes": _grouped(links.select_related("thema"), "eventpage_id", "thema"),
    }
    for registration in registrations:
        for relation, by_event in related.items():
            _preload(registration.event, relation, by_event[registration.event_id])
    meetings = [meeting_line(registration) for registration in registrations]
    elsewhere = ExternalLearning.objects.filter(user=user, date__year=year).select_related("scheme")
    lines = sorted(
        meetings + [external_line(item) for item in elsewhere],
        key=lambda line: (line.date, line.kind, line.title),
    )
    goal = DevelopmentGoal.objects.filter(user=user, year=year).select_related("scheme").first()
    return YearRecord(year=year, lines=lines, goal=goal)


@hooks.register(SECTIONS_HOOK)
def development_section(request):
    if not request.user.is_authenticated:
        return None
    return Section(
        title=_("Mijn ontwikkeling"),
        template="events/dashboard/ontwikkeling.html",
        context={"record": year_record(request.user, timezone.localdate().year)},
        order=20,
        slug="ontwikkeling",
    )
