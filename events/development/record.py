"""Someone's development record for a year: what counts, and the sums.

The rule of what counts lives here and nowhere else: a Leerhuis meeting counts when the
person attended it (checked in, confirmed, the meeting has begun: RegistrationQuerySet
.attended) and it went ahead (not cancelled); a leergang counts per session attended, since
each session has its own registration. Learning elsewhere counts as the person recorded it.
Everything downstream (the page, the PDF and CSV, the privacy export, the check at
/bewijs/<code>/) reads the lines made here.

Queries: the same seven however many lines, none included (see record_for).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch
from django.db.models.functions import ExtractYear
from django.utils import timezone

from events.models import (
    DevelopmentGoal,
    EventAccreditation,
    EventPage,
    ExternalLearning,
    ProgrammeSlot,
    Registration,
)
from events.models.study_load import STUDY_LOAD_PREFETCH

from .codes import code_for

# The first year a record can hold: a statement, or learning elsewhere, before it is a typo.
FIRST_YEAR = 2000

LEERHUIS = "leerhuis"
ELDERS = "elders"


def year_bounds(year):
    """The year as the association keeps it: from 1 January in Amsterdam. Not the current
    time zone, which the admin sets per user: the record and the organisers' report must
    put a meeting at 00:30 on New Year's Day in the same year."""
    tz = timezone.get_default_timezone()
    first = datetime.datetime(year, 1, 1, tzinfo=tz)
    return first, datetime.datetime(year + 1, 1, 1, tzinfo=tz)


def day_of(moment):
    """The date of `moment` in Amsterdam (see year_bounds)."""
    return timezone.localtime(moment, timezone.get_default_timezone()).date()


def counted_registrations(user, now=None):
    """The registrations that count for `user`'s record, all years."""
    if not getattr(user, "pk", None):
        return Registration.objects.none()
    return Registration.objects.counting(now).filter(user=user)


def counted_in_year(user, year, now=None):
    first, after = year_bounds(year)
    return counted_registrations(user, now).filter(event__start__gte=first, event__start__lt=after)


def years_of(user, now=None):
    """The years with anything in the record, latest first, always with the current one."""
    tz = timezone.get_default_timezone()
    meetings = (
        counted_registrations(user, now)
        .annotate(year=ExtractYear("event__start", tzinfo=tz))
        .values_list("year", flat=True)
        .distinct()
        .order_by()
    )
    elsewhere = (
        ExternalLearning.objects.filter(user=user)
        .annotate(year=ExtractYear("date"))
        .values_list("year", flat=True)
        .distinct()
        .order_by()
    )
    return sorted({timezone.localdate().year, *meetings, *elsewhere}, reverse=True)


@dataclass
class Line:
    """One activity on the record."""

    kind: str  # LEERHUIS or ELDERS
    date: datetime.date
    title: str
    organiser: str
    hours: Decimal
    points: list  # [(AccreditationScheme, Decimal)]
    themes: list = field(default_factory=list)
    code: str = ""  # verification code, Leerhuis lines only
    track: str = ""  # the leergang a session belongs to
    registration: Registration | None = None
    external: ExternalLearning | None = None

    @property
    def is_leerhuis(self):
        return self.kind == LEERHUIS


@dataclass
class Progress:
    goal: Decimal
    done: Decimal

    @property
    def percent(self):
        if not self.goal:
            return 100
        return min(100, int(self.done * 100 / self.goal))

    @property
    def reached(self):
        return self.done >= self.goal


@dataclass
class YearRecord:
    year: int
    lines: list
    goal: DevelopmentGoal | None

    @property
    def total_hours(self):
        return sum((line.hours for line in self.lines), Decimal(0))

    @property
    def points_by_scheme(self):
        """[(scheme, total)] by scheme name."""
        totals = defaultdict(Decimal)
        schemes = {}
        for line in self.lines:
            for scheme, points in line.points:
                totals[scheme.pk] += points
                schemes[scheme.pk] = scheme
        return sorted(((schemes[pk], total) for pk, total in totals.items()), key=_scheme_key)

    @property
    def hours_by_theme(self):
        """[(theme name, hours)], most hours first; a meeting with two themes counts in
        both, and meetings without a theme (and learning elsewhere) under None."""
        totals = defaultdict(Decimal)
        for line in self.lines:
            for theme in line.themes or [None]:
                totals[theme] += line.hours
        named = sorted(
            ((theme, hours) for theme, hours in totals.items() if theme),
            key=lambda item: (-item[1], item[0]),
        )
        return named + ([(None, totals[None])] if None in totals else [])

    @property
    def hours_progress(self):
        if self.goal is None or self.goal.hours is None:
            return None
        return Progress(self.goal.hours, self.total_hours)

    @property
    def points_progress(self):
        goal = self.goal
        if goal is None or goal.points is None or goal.scheme_id is None:
            return None
        done = sum(
            (total for scheme, total in self.points_by_scheme if scheme.pk == goal.scheme_id),
            Decimal(0),
        )
        return Progress(goal.points, done)


def _scheme_key(item):
    scheme = item[0]
    return (scheme.name, scheme.category, scheme.pk)


def meeting_line(registration):
    """The line of an attended meeting; its event's programme, accreditations and themes
    prefetched (see record_for)."""
    event = registration.event
    return Line(
        kind=LEERHUIS,
        date=day_of(event.start),
        title=event.title,
        organiser=settings.WAGTAIL_SITE_NAME,
        hours=event.learning_hours(),
        points=event.accreditation_points(),
        themes=sorted(theme.name for theme in event.themes.all()),
        code=code_for(registration),
        track=event.learning_track.title if event.learning_track_id else "",
        registration=registration,
    )


def external_line(external):
    points = [(external.scheme, external.points)] if external.scheme and external.points else []
    return Line(
        kind=ELDERS,
        date=external.date,
        title=external.title,
        organiser=external.organiser,
        hours=external.hours,
        points=points,
        external=external,
    )


def with_study_load(registrations):
    """Registrations with what meeting_line() reads, prefetched: for a single line or an
    export, where an empty result may well cost fewer queries."""
    return registrations.select_related("event", "event__learning_track").prefetch_related(
        *(f"event__{name}" for name in STUDY_LOAD_PREFETCH),
        Prefetch("event__themes"),
    )


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


def record_for(user, year, now=None):
    """The YearRecord of `user` for `year`: meetings and learning elsewhere by date.

    Seven queries whether the year holds nothing, five meetings or two hundred. Not
    prefetch_related: Django skips a prefetch when there is nothing to fetch for, so an
    empty year would cost fewer, and Mijn Leerhuis (which shows this year's record) must
    cost the same for everyone. The programmes, accreditations and themes of the year's
    meetings are read with queries that always run and handed to each meeting.
    """
    counted = counted_in_year(user, year, now)
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
        "themes": _grouped(
            links.filter(thema__live=True).select_related("thema"), "eventpage_id", "thema"
        ),
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
