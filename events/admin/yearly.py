"""The yearly report (Jaaroverzicht): every meeting that began in a year, with what it was
worth in study hours and points and how much learning it gave, for the association's
annual report and the accrediting bodies.

What counts follows the development record (events/development/record.py): people marked
present at a meeting that went ahead and has begun. So "uren geleerd" here is the sum of
the hours on everyone's record for that meeting, and the two never disagree.

The figures are worked out when read (EventPage.learning_hours(), accreditation_points())
from the meetings' prefetched programmes and accreditations; the present count is an
annotation. The page, its totals and the downloads each cost a fixed number of queries,
however many meetings the year holds.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db.models import Count, Q
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports.base import ReportView

from events.development.formatting import hours_text, points_text
from events.development.record import day_of, year_bounds
from events.models import EventPage, EventStatus, Registration, RegistrationStatus
from events.models.queries import present_count
from events.models.study_load import STUDY_LOAD_PREFETCH

from .access import AttendeeAccessMixin
from .exports import DutchSpreadsheetMixin
from .links import NAMESPACE, url

# What the report never reads; StreamField JSON can be large.
DEFERRED = ("body", "questions", "materials", "schedule", "online_details")


class YearForm(forms.Form):
    jaar = forms.IntegerField(
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": _("Kies een jaar in cijfers, bijvoorbeeld 2026."),
            "min_value": _("Kies een jaar vanaf 2000."),
            "max_value": _("Kies een jaar tot en met 2100."),
        },
    )


def learned(event, now=None):
    """Hours learned at `event`: everyone present, each for the meeting's hours."""
    if not event.counts_for_record(now):
        return Decimal(0)
    return event.present_count * event.learning_hours()


def _points(event):
    return ", ".join(points_text(scheme, points) for scheme, points in event.accreditation_points())


@dataclass
class Totals:
    held: int = 0
    confirmed: int = 0  # places at the meetings held
    members: int = 0  # of those, people of member organisations
    present: int = 0
    hours: Decimal = Decimal(0)
    points: list = field(default_factory=list)  # [(scheme, points awarded)]
    schemes: list = field(default_factory=list)  # every scheme a meeting of the year awards

    @property
    def non_members(self):
        return self.confirmed - self.members

    @property
    def attendance_percent(self):
        """Present of those with a place, at the meetings held; None before any."""
        return round(100 * self.present / self.confirmed) if self.confirmed else None


def totals_of(events, now=None):
    awarded = defaultdict(Decimal)
    schemes = {}
    totals = Totals()
    for event in events:
        for scheme, points in event.accreditation_points():
            schemes[scheme.pk] = scheme
            if event.counts_for_record(now):
                awarded[scheme.pk] += event.present_count * points
        if event.counts_for_record(now):
            totals.held += 1
            totals.confirmed += event.confirmed_count
            totals.members += event.member_count
            totals.present += event.present_count
            totals.hours += learned(event, now)
    ordered = sorted(schemes.values(), key=lambda s: (s.name, s.category, s.pk))
    totals.schemes = ordered
    totals.points = [(scheme, awarded[scheme.pk]) for scheme in ordered if awarded[scheme.pk]]
    return totals


def _scheme_points(scheme):
    def getter(event):
        return next((p for s, p in event.accreditation_points() if s.pk == scheme.pk), None)

    return getter


class YearlyView(AttendeeAccessMixin, DutchSpreadsheetMixin, ReportView):
    """Jaaroverzicht: a year's meetings (?jaar=, this year by default) with their study
    load and the learning they gave; totals on top; XLSX and CSV."""

    template_name = "events/admin/jaaroverzicht.html"
    results_template_name = "events/admin/export_results.html"
    sheet_title = _("Jaaroverzicht")
    page_title = _("Jaaroverzicht")
    header_icon = "date"
    paginate_by = 100
    index_url_name = f"{NAMESPACE}:yearly"
    index_results_url_name = f"{NAMESPACE}:yearly_results"
    verbose_name = _("activiteit")
    verbose_name_plural = _("activiteiten")

    def prepare(self, **kwargs):
        # A year the form does not accept is reported and left out: this year instead.
        self.year_form = YearForm(self.request.GET)
        year = self.year_form.is_valid() and self.year_form.cleaned_data["jaar"]
        self.year = year or day_of(timezone.now()).year

    def get(self, request, *args, **kwargs):
        # A download cannot show the form's message beside it: a file of another year than
        # the one asked for would pass unnoticed, so it is refused instead.
        if request.GET.get("export") and not self.year_form.is_valid():
            errors = " ".join(self.year_form.errors.get("jaar", []))
            return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.year)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": gettext("Aanmeldingen")},
            {"url": "", "label": gettext("Jaaroverzicht")},
        ]

    def meetings_of_year(self):
        first, after = year_bounds(self.year)
        # Held or to be held: live, or published once (a meeting unpublished after it took
        # place still happened); never a draft nobody saw, nor an alias.
        return (
            EventPage.objects.filter(start__gte=first, start__lt=after)
            .filter(Q(live=True) | Q(first_published_at__isnull=False))
            .filter(alias_of__isnull=True)
        )

    def get_base_queryset(self):
        return (
            self.meetings_of_year()
            .defer(*DEFERRED)
            .with_counts()
            .annotate(
                present_count=present_count("registrations__"),
                member_count=Count(
                    "registrations",
                    filter=Q(
                        registrations__status=RegistrationStatus.CONFIRMED,
                        registrations__is_member=True,
                    ),
                ),
            )
            .prefetch_related(*STUDY_LOAD_PREFETCH)
            .order_by("start", "pk")
        )

    @cached_property
    def per_organisation(self):
        """Places and presence per organisation (as named at sign-up) at the meetings of
        the year that were held, most places first: one query."""
        held = (
            self.get_base_queryset()
            .filter(start__lte=timezone.now())
            .exclude(status=EventStatus.GEANNULEERD)
        )
        return list(
            Registration.objects.confirmed()
            .filter(event__in=held.values("pk"))
            .values("organisation_name")
            .annotate(
                places=Count("pk"),
                present=Count("pk", filter=Q(checked_in_at__isnull=False)),
                members=Count("pk", filter=Q(is_member=True)),
            )
            .order_by("-places", "organisation_name")
        )

    @cached_property
    def totals(self):
        return totals_of(self.get_base_queryset())

    def get_filename(self):
        return f"jaaroverzicht-{self.year}"

    @property
    def export_columns(self):
        per_scheme = [
            (
                f"punten_{scheme.pk}",
                gettext("Punten %(scheme)s (%(unit)s)") % {"scheme": scheme, "unit": scheme.unit},
                _scheme_points(scheme),
            )
            for scheme in self.totals.schemes
        ]
        return (
            ("datum", _("Datum"), lambda e: day_of(e.start)),
            ("activiteit", _("Activiteit"), lambda e: e.title),
            ("soort", _("Soort"), lambda e: e.get_event_type_display()),
            ("status", _("Status"), lambda e: e.get_status_display()),
            ("bevestigd", _("Bevestigd"), lambda e: e.confirmed_count),
            ("aanwezig", _("Aanwezig"), lambda e: e.present_count),
            ("studie_uren", _("Studie-uren"), lambda e: e.learning_hours()),
            *per_scheme,
            ("uren_geleerd", _("Uren geleerd"), learned),
        )

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Activiteit"),
                get_url=lambda event: url("registrations", event.pk),
            ),
            Column(
                "start",
                label=_("Datum"),
                accessor=lambda e: date_format(day_of(e.start), "d-m-Y"),
            ),
            Column(
                "event_type",
                label=_("Soort"),
                accessor=lambda e: capfirst(e.get_event_type_display()),
            ),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda event: not event.is_cancelled,
            ),
            Column("confirmed_count", label=_("Bevestigd")),
            Column("present_count", label=_("Aanwezig")),
            Column(
                "hours", label=_("Studie-uren"), accessor=lambda e: hours_text(e.learning_hours())
            ),
            Column("points", label=_("Punten"), accessor=_points),
            Column("learned", label=_("Uren geleerd"), accessor=lambda e: hours_text(learned(e))),
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        this_year = day_of(timezone.now()).year
        context.update(
            year=self.year,
            year_form=self.year_form,
            totals=self.totals,
            per_organisation=self.per_organisation,
            previous_url=f"{url('yearly')}?jaar={self.year - 1}",
            next_url=f"{url('yearly')}?jaar={self.year + 1}" if self.year <= this_year else "",
        )
        return context
