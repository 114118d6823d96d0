"""The listings: meetings with their counts, one meeting's registrations, the finance export."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import BaseListingView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports.base import ReportView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.coreutils import cautious_slugify
from wagtail.models import ModelLogEntry

from events.models import EventPage, Registration, RegistrationStatus
from events.models.queries import count_expressions, present_count
from events.models.study_load import STUDY_LOAD_PREFETCH
from events.services import audit
from leerhuis.core.formatting import money_or_free

from .access import AttendeeAccessMixin, EventMixin, may_manage
from .audit import AuditedMixin
from .columns import (
    ActionsColumn,
    CheckInLinkColumn,
    LabelledColumn,
    LabelledStatusTagColumn,
    PersonColumn,
    PresenceColumn,
)
from .exports import REGISTRATION_COLUMNS, DutchSpreadsheetMixin
from .filters import RegistrationFilterSet
from .links import NAMESPACE, url

# The registrations report shows this many of the latest check-ins and places given.
HISTORY_SHOWN = 50


def when(moment):
    return date_format(timezone.localtime(moment), "d-m-Y H:i")


def yes_no(value):
    return gettext("ja") if value else gettext("nee")


def counts(event):
    """Bevestigd, wachtlijst, afgemeld, aanwezig (one query), capaciteit and vrij."""
    numbers = event.registrations.aggregate(
        **count_expressions(),
        afgemeld=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
        aanwezig=present_count(),
    )
    # The meeting's own rules read these counts instead of counting again.
    event.confirmed_count = numbers["bevestigd"] = numbers.pop("confirmed_count")
    event.waitlist_count = numbers["wachtlijst"] = numbers.pop("waitlist_count")
    numbers["capaciteit"] = event.capacity
    # A cancelled meeting has no places to give, free or not.
    numbers["vrij"] = None if event.is_cancelled else event.places_left()
    return numbers


class MeetingPageMixin(WagtailAdminTemplateMixin):
    """Admin pages about one meeting (`self.event`), below its registrations in the
    breadcrumbs."""

    header_icon = "group"

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": gettext("Aanmeldingen")},
            {"url": url("registrations", self.event.pk), "label": self.event.title},
            {"url": "", "label": self.get_page_title()},
        ]


# --- Meetings -------------------------------------------------------------------------


class MeetingsView(AttendeeAccessMixin, BaseListingView):
    """Upcoming meetings (or past ones) with their counts; each leads to its registrations."""

    template_name = "events/admin/meetings.html"
    page_title = _("Aanmeldingen")
    header_icon = "group"
    paginate_by = 50
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:index_results"
    verbose_name = _("activiteit")
    verbose_name_plural = _("activiteiten")

    @cached_property
    def past(self):
        return self.request.GET.get("voorbij") == "1"

    def get_page_subtitle(self):
        return gettext("voorbije activiteiten") if self.past else gettext("komende activiteiten")

    def get_base_queryset(self):
        events = EventPage.objects.all()
        events = events.past() if self.past else events.upcoming()
        return events.with_counts().annotate(present_count=present_count("registrations__"))

    @cached_property
    def header_buttons(self):
        if self.past:
            other = HeaderButton(_("Komende activiteiten"), url=url("index"), icon_name="date")
        else:
            other = HeaderButton(
                _("Voorbije activiteiten"), url=f"{url('index')}?voorbij=1", icon_name="history"
            )
        return [
            other,
            HeaderButton(_("Facturatie"), url=url("finance"), icon_name="download"),
            HeaderButton(_("Jaaroverzicht"), url=url("yearly"), icon_name="date"),
            HeaderButton(_("Leergangen"), url=url("tracks"), icon_name="list-ul"),
        ]

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Activiteit"),
                get_url=lambda event: url("registrations", event.pk),
            ),
            Column("start", label=_("Datum"), accessor=lambda event: when(event.start)),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda event: not event.is_cancelled,
            ),
            Column(
                "capacity",
                label=_("Plaatsen"),
                accessor=lambda e: gettext("onbeperkt") if e.capacity is None else e.capacity,
            ),
            Column("confirmed_count", label=_("Bevestigd")),
            Column("waitlist_count", label=_("Wachtlijst")),
            Column("free", label=_("Vrij"), accessor=_free),
            Column("present_count", label=_("Aanwezig")),
            CheckInLinkColumn(
                "checkin", label=_("Inchecken"), may_manage=may_manage(self.request.user)
            ),
        ]


def _free(event):
    if event.is_cancelled:
        return gettext("geannuleerd")
    left = event.places_left()  # from the listing's annotated counts
    return "–" if left is None else left


# --- One meeting's registrations ----------------------------------------------------------


class RegistrationsView(EventMixin, AuditedMixin, DutchSpreadsheetMixin, ReportView):
    """One meeting: counts, registrations with filters and search, XLSX and CSV, the log of
    messages; organisers with manage_attendees check people in and handle the waiting list."""

    template_name = "events/admin/registrations.html"
    results_template_name = "events/admin/export_results.html"
    # On a phone each row becomes a card (static/css/aanmeldingen-beheer.css).
    table_classname = "listing aanmeldingen-tabel"
    page_title = _("Aanmeldingen")
    header_icon = "group"
    paginate_by = 100
    filterset_class = RegistrationFilterSet
    is_searchable = True
    search_fields = ["name", "email", "organisation_name"]
    search_backend_name = None  # not in the search index: the ORM's icontains
    verbose_name = _("aanmelding")
    verbose_name_plural = _("aanmeldingen")
    export_columns = REGISTRATION_COLUMNS
    audit_what = _("aanmeldingen")

    @cached_property
    def may_manage(self):
        return may_manage(self.request.user)

    @cached_property
    def numbers(self):
        return counts(self.event)

    @cached_property
    def has_room(self):
        """A free place to give someone on the waiting list: from the report's one count
        ("vrij" is places_left(): None without a maximum, and for a cancelled meeting)."""
        return not self.event.is_cancelled and self.numbers["vrij"] != 0

    @cached_property
    def is_over(self):
        return self.event.is_over()

    @cached_property
    def check_in_block(self):
        return self.event.check_in_block()

    def history(self):
        """What organisers and the site did to this meeting's places, newest first."""
        return (
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Registration),
                action__in=audit.LABELS,
                data__event=self.event.pk,
            )
            .select_related("user")
            .order_by("-timestamp", "-pk")[:HISTORY_SHOWN]
        )

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": gettext("Aanmeldingen")},
            {"url": "", "label": self.event.title},
        ]

    def get_index_url(self):
        return url("registrations", self.event.pk)

    def get_index_results_url(self):
        return url("registrations_results", self.event.pk)

    @cached_property
    def return_url(self):
        """The full report (not the results fragment) with the filters that are on now."""
        params = self.request.GET.copy()
        for name in ("_w_filter_fragment", "export"):
            params.pop(name, None)
        query = params.urlencode()
        return f"{self.index_url}?{query}" if query else self.index_url

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "event": self.event}

    def prepare(self, **kwargs):
        super().prepare(**kwargs)
        # The export's study hours and points are the meeting's, the same on every row:
        # its programme and accreditations are read once, and every row's `event` is
        # this very page (a related manager's rows know their parent).
        prefetch_related_objects([self.event], *STUDY_LOAD_PREFETCH)

    def get_base_queryset(self):
        return self.event.registrations.select_related("workshop").order_by("created_at", "pk")

    def get_filename(self):
        # ASCII only: a slug may hold accents, a download's file name should not.
        slug = cautious_slugify(self.event.slug)
        return f"aanmeldingen-{slug}-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def has_workshops(self):
        return bool(self.filters) and "workshop" in self.filters.filters

    @cached_property
    def columns(self):
        columns = [
            PersonColumn("name", label=_("Naam en e-mail"), sort_key="name"),
            LabelledColumn(
                "organisation_name", label=_("Organisatie"), sort_key="organisation_name"
            ),
            LabelledStatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda registration: registration.is_confirmed,
                sort_key="status",
            ),
            LabelledColumn("is_member", label=_("Lid"), accessor=lambda r: yes_no(r.is_member)),
            LabelledColumn("price", label=_("Prijs"), accessor=lambda r: money_or_free(r.price)),
        ]
        if self.has_workshops:
            columns.append(
                LabelledColumn("workshop", label=_("Workshop"), accessor="workshop.title")
            )
        return [
            *columns,
            LabelledColumn(
                "created_at",
                label=_("Aangemeld op"),
                accessor=lambda r: when(r.created_at),
                sort_key="created_at",
            ),
            PresenceColumn(
                "checked_in_at", label=_("Aanwezig"), view=self, sort_key="checked_in_at"
            ),
            ActionsColumn("actions", label=_("Acties"), view=self),
        ]

    @cached_property
    def header_buttons(self):
        if not self.may_manage:
            return []
        return [
            HeaderButton(
                _("Bericht aan deelnemers"), url=url("message", self.event.pk), icon_name="mail"
            )
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(
            event=self.event,
            counts=self.numbers,
            may_manage=self.may_manage,
            messages_sent=self.event.attendee_messages.select_related("sender")[:20],
            history=[(entry, audit.LABELS[entry.action]) for entry in self.history()],
            attendance_list_url=url("attendance_list", self.event.pk),
            checkin_url=url("checkin", self.event.pk),
            badges_url=url("badges", self.event.pk),
            message_url=url("message", self.event.pk),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.event.pk]),
        )
        return context
