"""The activity calendar (/activiteiten/): what it lists and the filters that narrow it.

Everything comes from GET parameters, so a filtered view is a URL that can be shared and
bookmarked; nothing is kept in the session. A value the form does not accept (a hand-edited
or outdated link) is reported and left out, never a 500.
"""

import datetime
import re
from functools import cached_property
from itertools import groupby

from django import forms
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from glossary.models import Concept
from leerhuis.core.listing import ListFilterForm, Listing
from leerhuis.core.themes import Thema, having_theme, live_themes
from members.access import visible_to

from . import calendar_month
from .calendar_cards import with_card_states
from .models import (
    REGION_CHOICES,
    EventAccreditation,
    EventPage,
    EventStatus,
    EventType,
    Form,
    LearningTrackPage,
)

# The order of the parameters in every URL the calendar writes: one URL per view.
PARAMETERS = ("thema", "type", "regio", "vorm", "maand", "archief", "page")
FILTERS = ("thema", "type", "regio", "vorm")
MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
# Far enough for any real calendar, near enough that the month after is still a date.
YEARS = range(2000, 2101)
# A month view lists all its meetings on one page, so every day of the grid links to cards
# on that page; a month never holds more than this in practice (~70 meetings a year).
MONTH_PER_PAGE = 200
# What a card never shows; StreamField JSON can be large.
CARD_DEFERRED = ("body", "questions", "materials", "schedule", "online_details")
# The study load of a card (events.models.study_load.STUDY_LOAD_PREFETCH), with each
# accreditation's scheme joined rather than fetched apart: two queries for any page.
CARD_STUDY_LOAD = (
    "programme",
    Prefetch("accreditations", queryset=EventAccreditation.objects.select_related("scheme")),
)


def _invalid(message):
    return {"invalid_choice": message}


def _options(everything, choices):
    """Select options start with a capital, as labels in a list do."""
    return [("", everything), *((value, capfirst(label)) for value, label in choices)]


class CalendarFilterForm(ListFilterForm):
    """The filters of the calendar; the view (month, archive) is set by links."""

    errors_on_top = ("maand", "archief")

    thema = forms.ChoiceField(
        label=_("Thema"),
        required=False,
        error_messages=_invalid(_("Dit thema komt bij geen enkele activiteit voor.")),
    )
    type = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        choices=_options(_("Alle soorten"), EventType.choices),
        error_messages=_invalid(_("Deze soort activiteit kennen we niet.")),
    )
    regio = forms.ChoiceField(
        label=_("Regio"),
        required=False,
        choices=_options(_("Alle regio's"), REGION_CHOICES),
        error_messages=_invalid(_("Deze regio kennen we niet.")),
    )
    vorm = forms.ChoiceField(
        label=_("Vorm"),
        required=False,
        choices=_options(_("Alle vormen"), Form.choices),
        error_messages=_invalid(_("Kies op locatie, online of hybride.")),
    )
    # The view (month, archive) and the page are set by links, not by the form's fields.
    maand = forms.CharField(required=False, widget=forms.HiddenInput)
    archief = forms.ChoiceField(
        required=False,
        choices=[("", ""), ("1", _("ja"))],
        widget=forms.HiddenInput,
        error_messages=_invalid(_("Het archief open je met archief=1.")),
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("Alle thema's")), *themes]

    def clean_maand(self):
        value = self.cleaned_data["maand"].strip()
        if not value:
            return None
        match = MONTH.fullmatch(value)
        if not match or int(match[1]) not in YEARS or not 1 <= int(match[2]) <= 12:
            raise forms.ValidationError(
                _("Onbekende maand ‘%(value)s’: schrijf jaar en maand als 2026-12."),
                params={"value": value[:20]},
            )
        return int(match[1]), int(match[2])


def theme_choices(meetings, tracks=None):
    """(slug, name) of the themes of the live meetings the visitor may see (and of the
    leergangen, when those are listed): a theme nobody uses is not offered."""
    listed = (meetings,) if tracks is None else (meetings, tracks)
    return list(Thema.objects.used_by(*listed).values_list("slug", "name"))


def live_meetings(user):
    return visible_to(user, EventPage.objects.filter(live=True))


def for_cards(meetings):
    """What a card shows, in a fixed number of queries: counts annotated, the group joined,
    themes, programme and accreditations (the study load) prefetched."""
    return (
        meetings.defer(*CARD_DEFERRED)
        .with_counts()
        .select_related("group")  # 'Alleen voor de groep …' without a query per card
        .prefetch_related(live_themes(), *CARD_STUDY_LOAD)
    )


def upcoming_for(user, limit, now=None):
    """The next meetings for the home page; cancelled ones make room for those that go on."""
    meetings = live_meetings(user).exclude(status=EventStatus.GEANNULEERD)
    return list(for_cards(meetings.upcoming(now))[:limit])


def month_bounds(year, month):
    first = datetime.date(year, month, 1)
    return first, (first + datetime.timedelta(days=32)).replace(day=1)


class Calendar(Listing):
    """One request's view of the calendar: coming, a month or the archive, of meetings or
    of leergangen, filtered. Lazy: nothing is queried until a template asks."""

    form_class = CalendarFilterForm
    parameters = PARAMETERS
    filters = FILTERS

    def __init__(self, page, request, now=None):
        super().__init__(request, page.get_url(request) or page.url, per_page=page.per_page)
        self.page = page
        self.user = request.user
        self.now = now or timezone.now()

    # --- the filters -----------------------------------------------------------------

    @cached_property
    def meetings(self):
        return live_meetings(self.user)

    @cached_property
    def live_tracks(self):
        return visible_to(self.user, LearningTrackPage.objects.filter(live=True))

    def get_form_kwargs(self):
        listing_tracks = self.request.GET.get("type") == EventType.LEERGANG
        return {
            "themes": theme_choices(self.meetings, self.live_tracks if listing_tracks else None)
        }

    @cached_property
    def values(self):
        values = super().values
        if values["maand"]:
            values["archief"] = None  # a month shows past and coming meetings alike
        return values

    def serialise(self, name, value):
        return "{:04d}-{:02d}".format(*value) if name == "maand" else value

    @property
    def subscribe_urls(self):
        """The feed of what the filters select (not the month or page): https and webcal."""
        from events.agenda_link import calendar_feed_path, subscribe_urls

        filters = {name: self.params.get(name) for name in FILTERS}
        return subscribe_urls(calendar_feed_path(**filters))

    @property
    def tracks(self):
        return self.values["type"] == EventType.LEERGANG

    @property
    def month(self):
        return self.values["maand"]

    @property
    def archive(self):
        return bool(self.values["archief"])

    @property
    def view(self):
        return "maand" if self.month else "archief" if self.archive else "komend"

    @property
    def view_links(self):
        month = "{:04d}-{:02d}".format(*(self.month or self.first_month))
        views = [
            ("komend", _("Komend"), {"maand": None, "archief": None}),
            ("maand", _("Per maand"), {"maand": month, "archief": None}),
            ("archief", _("Archief"), {"maand": None, "archief": "1"}),
        ]
        return [
            {"label": label, "url": self.url(**changes, page=None), "current": view == self.view}
            for view, label, changes in views
        ]

    def view_url(self, view):
        """Where `?weergave=maand` (or `lijst`, `archief`) leads: that view's own address,
        the month one at the asked or else the first month with meetings, filters kept."""
        if view == "maand":
            month = "{:04d}-{:02d}".format(*(self.month or self.first_month))
            return self.url(maand=month, archief=None, page=None)
        archive = "1" if view == "archief" else None
        return self.url(maand=None, archief=archive, page=None)

    # --- the month view --------------------------------------------------------------

    @cached_property
    def first_month(self):
        """Where "Per maand" opens: the first month with a meeting to come (filters kept)."""
        if self.tracks:
            today = timezone.localdate(self.now)
            return today.year, today.month
        coming = self.view == "komend" and self.page_obj.number == 1
        listed = self.page_obj.object_list if coming else None
        return calendar_month.first_month(self._filtered(), self.now, listed)

    @property
    def weekdays(self):
        return calendar_month.weekdays()

    @cached_property
    def weeks(self):
        """The month grid (meetings only; the leergangen of a month are a plain list)."""
        if not self.month or self.tracks:
            return []
        today = timezone.localdate(self.now)
        return calendar_month.weeks(*self.month, self.days, today)

    @property
    def month_label(self):
        return date_format(datetime.date(*self.month, 1), "F Y") if self.month else ""

    def _month_link(self, first):
        if first.year not in YEARS:
            return None
        return {
            "label": date_format(first, "F Y"),
            "url": self.url(maand=first.strftime("%Y-%m"), page=None),
        }

    @property
    def previous_month(self):
        first, _after = month_bounds(*self.month)
        return self._month_link((first - datetime.timedelta(days=1)).replace(day=1))

    @property
    def next_month(self):
        _first, after = month_bounds(*self.month)
        return self._month_link(after)

    @cached_property
    def days(self):
        """The page's meetings by day; one that began the month before sits on the 1st."""
        first, _after = month_bounds(*self.month)

        def day(event):
            return max(timezone.localtime(event.start).date(), first)

        return [
            {"date": date, "events": list(events)}
            for date, events in groupby(self.page_obj.object_list, key=day)
        ]

    # --- what is listed --------------------------------------------------------------

    @cached_property
    def paginator(self):
        if self.month and not self.tracks:
            self.per_page = max(self.per_page, MONTH_PER_PAGE)
        return super().paginator

    @cached_property
    def page_obj(self):
        """The page, its meetings as a list, each with what its card says to this visitor."""
        page = super().page_obj
        if not self.tracks:
            page.object_list = with_card_states(page.object_list, self.user, self.now)
        return page

    def get_items(self):
        return self._tracks() if self.tracks else self._events()

    def _filtered(self):
        meetings = self.meetings
        values = self.values
        if values["thema"]:
            meetings = having_theme(meetings, values["thema"])
        if values["type"]:
            meetings = meetings.filter(event_type=values["type"])
        if values["regio"]:
            meetings = meetings.filter(region=values["regio"])
        if values["vorm"]:
            meetings = meetings.filter(form=values["vorm"])
        return meetings

    def _events(self):
        meetings = self._filtered()
        if self.month:
            meetings = meetings.in_month(*self.month)
        elif self.archive:
            meetings = meetings.past(self.now)
        else:
            meetings = meetings.upcoming(self.now)
        return for_cards(meetings)

    def _tracks(self):
        """Leergangen, with their number of sessions and first and last date."""
        values = self.values
        sessions = visible_to(
            self.user, EventPage.objects.filter(live=True, learning_track=OuterRef("pk"))
        ).order_by()
        tracks = self.live_tracks
        if values["thema"]:
            tracks = having_theme(tracks, values["thema"])
        if values["regio"]:
            tracks = tracks.filter(Exists(sessions.filter(region=values["regio"])))
        if values["vorm"]:
            tracks = tracks.filter(Exists(sessions.filter(form=values["vorm"])))
        count = sessions.values("learning_track").annotate(n=Count("pk")).values("n")
        tracks = tracks.annotate(
            session_count=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)),
            first_start=Subquery(sessions.order_by("start").values("start")[:1]),
            last_end=Subquery(sessions.order_by("-end").values("end")[:1]),
        )
        if self.month:
            tracks = tracks.filter(Exists(sessions.in_month(*self.month)))
            order = [F("first_start").asc(nulls_last=True), "title"]
        elif self.archive:
            tracks = tracks.filter(last_end__lt=self.now)
            order = [F("last_end").desc(), "title"]
        else:
            # A leergang without sessions yet is announced, so it counts as coming.
            tracks = tracks.filter(Q(last_end__gte=self.now) | Q(last_end__isnull=True))
            order = [F("first_start").asc(nulls_last=True), "title"]
        return tracks.order_by(*order, "pk").prefetch_related(live_themes())

    @cached_property
    def begrippen(self):
        """The live begrippen of the chosen theme, shown beside its meetings: whoever looks
        at a theme meets its vocabulary. One query, however many there are."""
        slug = self.values["thema"]
        if not slug:
            return []
        found = Concept.objects.live().having_theme(slug)
        return list(found.only("pref_label", "slug", "definition", "status"))

    @property
    def heading(self):
        if self.tracks:
            if self.month:
                return _("Leergangen in %(month)s") % {"month": self.month_label}
            return _("Afgelopen leergangen") if self.archive else _("Leergangen")
        if self.month:
            return _("Activiteiten in %(month)s") % {"month": self.month_label}
        return _("Afgelopen activiteiten") if self.archive else _("Komende activiteiten")
