"""Leergangen: how each leergang is attended, for organisers (XLSX and CSV too).

Per leergang its sessions (held so far of all), the people who booked it, the places taken
at the sessions held and how many were there, and how many completed it (attended at least
the leergang's minimum). "Attended" is the record's own rule (RegistrationQuerySet.counting:
checked in, at a session that went ahead and began), so these figures and the members'
development records never disagree. Three queries however many leergangen or sessions.
"""

from collections import Counter

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports.base import ReportView

from events.models import EventPage, EventStatus, LearningTrackPage, Registration
from events.models.queries import correlated_count

from .access import AttendeeAccessMixin
from .exports import DutchSpreadsheetMixin
from .links import NAMESPACE, url


def _booked(queryset, group_by):
    """People (not places) who booked: distinct accounts, anonymised ones counted apart."""
    counted = (
        queryset.order_by()
        .values(group_by)
        .annotate(n=Count("user", distinct=True) + Count("pk", filter=Q(user__isnull=True)))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def completions(tracks, now=None):
    """{track pk: people who attended at least its minimum}, in one query."""
    minimum = {track.pk: track.min_attendance for track in tracks}
    attended = (
        Registration.objects.counting(now)
        .filter(event__learning_track__in=list(minimum), user__isnull=False)
        .values("event__learning_track", "user")
        .annotate(n=Count("pk"))
        .order_by()
    )
    done = Counter()
    for row in attended:
        if row["n"] >= minimum[row["event__learning_track"]]:
            done[row["event__learning_track"]] += 1
    return done


class TracksView(AttendeeAccessMixin, DutchSpreadsheetMixin, ReportView):
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "events/admin/export_results.html"
    sheet_title = _("Leergangen")
    page_title = _("Leergangen")
    header_icon = "list-ul"
    paginate_by = 50
    index_url_name = f"{NAMESPACE}:tracks"
    index_results_url_name = f"{NAMESPACE}:tracks_results"
    verbose_name = _("leergang")
    verbose_name_plural = _("leergangen")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": gettext("Aanmeldingen")},
            {"url": "", "label": gettext("Leergangen")},
        ]

    def get_base_queryset(self):
        now = timezone.now()
        sessions = EventPage.objects.filter(learning_track=OuterRef("pk"), live=True)
        held = sessions.filter(start__lte=now).exclude(status=EventStatus.GEANNULEERD)
        at_held = (
            Registration.objects.confirmed()
            .filter(
                event__learning_track=OuterRef("pk"),
                event__start__lte=now,
                event__live=True,
            )
            .exclude(event__status=EventStatus.GEANNULEERD)
        )
        booked = Registration.objects.active().filter(learning_track=OuterRef("pk"))
        present = Registration.objects.counting(now).filter(event__learning_track=OuterRef("pk"))
        return (
            LearningTrackPage.objects.filter(alias_of__isnull=True)
            .annotate(
                session_count=correlated_count(sessions, "learning_track"),
                held_count=correlated_count(held, "learning_track"),
                booked_count=_booked(booked, "learning_track"),
                place_count=correlated_count(at_held, "event__learning_track"),
                present_count=correlated_count(present, "event__learning_track"),
            )
            .order_by("-first_published_at", "title", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        tracks = list(object_list)
        done = completions(tracks)
        for track in tracks:
            track.completed_count = done[track.pk]
        return tracks

    def get_filename(self):
        return f"leergangen-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def every_completion(self):
        """For a download, which lists every leergang unpaginated: counted once for all."""
        return completions(list(self.get_base_queryset()))

    def to_row_dict(self, item):
        if not hasattr(item, "completed_count"):
            item.completed_count = self.every_completion[item.pk]
        return super().to_row_dict(item)

    export_columns = (
        ("leergang", _("Leergang"), lambda t: t.title),
        ("sessies", _("Sessies"), lambda t: t.session_count),
        ("gehouden", _("Gehouden"), lambda t: t.held_count),
        ("geboekt", _("Geboekt (mensen)"), lambda t: t.booked_count),
        ("plaatsen", _("Plaatsen bij gehouden sessies"), lambda t: t.place_count),
        ("aanwezig", _("Aanwezig"), lambda t: t.present_count),
        ("percentage", _("Aanwezig (%)"), lambda t: attendance_percent(t)),
        ("afgerond", _("Afgerond"), lambda t: t.completed_count),
        ("minimum", _("Minimale aanwezigheid"), lambda t: t.min_attendance),
    )

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label=_("Leergang"), get_url=lambda t: t.url or ""),
            Column(
                "sessions",
                label=_("Sessies"),
                accessor=lambda t: (
                    gettext("%(held)s van %(all)s gehouden")
                    % {"held": t.held_count, "all": t.session_count}
                ),
            ),
            Column("booked_count", label=_("Geboekt")),
            Column(
                "present",
                label=_("Aanwezig"),
                accessor=lambda t: (
                    gettext("%(present)s van %(places)s plaatsen%(percent)s")
                    % {
                        "present": t.present_count,
                        "places": t.place_count,
                        "percent": f" ({attendance_percent(t)}%)" if t.place_count else "",
                    }
                ),
            ),
            Column(
                "completed_count",
                label=_("Afgerond"),
                accessor=lambda t: (
                    gettext("%(done)s (minimaal %(min)s sessies)")
                    % {"done": t.completed_count, "min": t.min_attendance}
                ),
            ),
        ]


def attendance_percent(track):
    """Present of the places at the sessions held; None before any."""
    return round(100 * track.present_count / track.place_count) if track.place_count else None
