"""The activity calendar (/activiteiten/): what it lists and the filters that narrow it.

Everything comes from GET parameters, so a filtered view is a URL that can be shared and
bookmarked; nothing is kept in the session. A value the form does not accept (a hand-edited
or outdated link) is reported and left out, never a 500.
"""

import datetime
import re
from functools import cached_property
from itertools import groupby
from urllib.parse import urlencode

from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from members.access import visible_to

from .models import (
    REGION_CHOICES,
    EventPage,
    EventPageTheme,
    EventStatus,
    EventType,
    Form,
    LearningTrackPage,
    LearningTrackPageTheme,
)

# The order of the parameters in every URL the calendar writes: one URL per view.
PARAMETERS = ("thema", "type", "regio", "vorm", "maand", "archief", "page")
FILTERS = ("thema", "type", "regio", "vorm")
MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
# Far enough for any real calendar, near enough that the month after is still a date.
YEARS = range(2000, 2101)
# What a card never shows; StreamField JSON can be large.
CARD_DEFERRED = ("body", "questions", "materials", "schedule", "online_details")


def _invalid(message):
    return {"invalid_choice": message}


def _options(everything, choices):
    """Select options start with a capital, as labels in a list do."""
    return [("", everything), *((value, capfirst(label)) for value, label in choices)]


class CalendarFilterForm(forms.Form):
    """The filters of the calendar; bound to request.GET, never saved."""

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
    page = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("Alle thema's")), *themes]
        self.page_invalid = False

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

    def clean_page(self):
        # A page number is never an error the visitor must fix: a wrong one shows page 1.
        value = self.cleaned_data["page"].strip()
        if not value:
            return None
        if value.isascii() and value.isdigit() and int(value) >= 1:
            return int(value)
        self.page_invalid = True
        return None

    def full_clean(self):
        super().full_clean()
        # Hidden fields have no place beside them to show an error: list it at the top.
        for name in ("maand", "archief"):
            for message in self._errors.pop(name, []):
                self._errors.setdefault("__all__", self.error_class(error_class="nonfield"))
                self._errors["__all__"].append(message)


def theme_choices(meetings, tracks=None):
    """(slug, name) of the tags on the live meetings the visitor may see (and on the
    leergangen, when those are listed): a theme nobody uses is not offered."""
    on_meetings = EventPageTheme.objects.filter(content_object__in=meetings.values("pk"))
    used = Q(pk__in=on_meetings.values("tag"))
    if tracks is not None:
        on_tracks = LearningTrackPageTheme.objects.filter(content_object__in=tracks.values("pk"))
        used |= Q(pk__in=on_tracks.values("tag"))
    return list(Tag.objects.filter(used).order_by("name").values_list("slug", "name"))


def live_meetings(user):
    return visible_to(user, EventPage.objects.filter(live=True))


def for_cards(meetings):
    """What a card shows, in a fixed number of queries: counts annotated, themes prefetched."""
    return meetings.defer(*CARD_DEFERRED).with_counts().prefetch_related("themes")


def upcoming_for(user, limit, now=None):
    """The next meetings for the home page; cancelled ones make room for those that go on."""
    meetings = live_meetings(user).exclude(status=EventStatus.GEANNULEERD)
    return list(for_cards(meetings.upcoming(now))[:limit])


def month_bounds(year, month):
    first = datetime.date(year, month, 1)
    return first, (first + datetime.timedelta(days=32)).replace(day=1)


class Calendar:
    """One request's view of the calendar. Lazy: nothing is queried until a template asks."""

    def __init__(self, page, request, now=None):
        self.page = page
        self.request = request
        self.user = request.user
        self.now = now or timezone.now()
        self.base_url = page.get_url(request) or page.url

    # --- the filters -----------------------------------------------------------------

    @cached_property
    def meetings(self):
        return live_meetings(self.user)

    @cached_property
    def live_tracks(self):
        return visible_to(self.user, LearningTrackPage.objects.filter(live=True))

    @cached_property
    def form(self):
        listing_tracks = self.request.GET.get("type") == EventType.LEERGANG
        themes = theme_choices(self.meetings, self.live_tracks if listing_tracks else None)
        form = CalendarFilterForm(self.request.GET, themes=themes)
        form.is_valid()
        return form

    @cached_property
    def values(self):
        """The accepted values: what survived validation, the rest is left out."""
        data = self.form.cleaned_data
        values = {name: data.get(name) or None for name in PARAMETERS}
        if values["maand"]:
            values["archief"] = None  # a month shows past and coming meetings alike
        return values

    @cached_property
    def params(self):
        params = {name: value for name, value in self.values.items() if value}
        if "maand" in params:
            params["maand"] = "{:04d}-{:02d}".format(*params["maand"])
        return params

    def url(self, **changes):
        params = {**self.params, **changes}
        query = urlencode([(name, params[name]) for name in PARAMETERS if params.get(name)])
        return f"{self.base_url}?{query}" if query else self.base_url

    @property
    def subscribe_urls(self):
        """The feed of what the filters select (not the month or page): https and webcal."""
        from events.feeds import calendar_feed_path, subscribe_urls

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

    @cached_property
    def active_filters(self):
        """What narrows the list now, each with a link that drops just that filter."""
        return [
            {
                "label": self.form[name].label,
                "value": dict(self.form.fields[name].choices).get(value, value),
                "remove_url": self.url(**{name: None, "page": None}),
            }
            for name in FILTERS
            if (value := self.values[name])
        ]

    @property
    def clear_url(self):
        """Without the filters, in the same view (coming, a month, the archive)."""
        return self.url(thema=None, type=None, regio=None, vorm=None, page=None)

    @property
    def view_links(self):
        today = timezone.localdate(self.now)
        month = "{:04d}-{:02d}".format(*(self.month or (today.year, today.month)))
        views = [
            ("komend", _("Komend"), {"maand": None, "archief": None}),
            ("maand", _("Per maand"), {"maand": month, "archief": None}),
            ("archief", _("Archief"), {"maand": None, "archief": "1"}),
        ]
        return [
            {"label": label, "url": self.url(**changes, page=None), "current": view == self.view}
            for view, label, changes in views
        ]

    # --- the month view --------------------------------------------------------------

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

    def _events(self):
        meetings = self.meetings
        values = self.values
        if values["thema"]:
            tagged = EventPageTheme.objects.filter(tag__slug=values["thema"])
            meetings = meetings.filter(pk__in=tagged.values("content_object"))
        if values["type"]:
            meetings = meetings.filter(event_type=values["type"])
        if values["regio"]:
            meetings = meetings.filter(region=values["regio"])
        if values["vorm"]:
            meetings = meetings.filter(form=values["vorm"])
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
            tagged = LearningTrackPageTheme.objects.filter(tag__slug=values["thema"])
            tracks = tracks.filter(pk__in=tagged.values("content_object"))
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
        return tracks.order_by(*order, "pk").prefetch_related("themes")

    @cached_property
    def paginator(self):
        items = self._tracks() if self.tracks else self._events()
        return Paginator(items, self.page.per_page)

    @cached_property
    def page_obj(self):
        number = self.values["page"] or 1
        try:
            return self.paginator.page(number)
        except EmptyPage:
            return self.paginator.page(self.paginator.num_pages)

    @property
    def page_notice(self):
        """A page that does not exist (any more) shows the nearest one, and says so."""
        asked = self.values["page"]
        if self.form.page_invalid:
            return _("Dat paginanummer bestaat niet; je ziet de eerste pagina.")
        if asked and asked != self.page_obj.number:
            return _("Pagina %(asked)s bestaat niet (meer); je ziet pagina %(shown)s.") % {
                "asked": asked,
                "shown": self.page_obj.number,
            }
        return ""

    def page_url(self, number):
        return self.url(page=number if number > 1 else None)  # page 1 is the plain URL

    @property
    def page_links(self):
        if self.paginator.num_pages < 2:
            return []
        current = self.page_obj.number
        return [
            {"ellipsis": True}
            if number == Paginator.ELLIPSIS
            else {"number": number, "url": self.page_url(number), "current": number == current}
            for number in self.paginator.get_elided_page_range(current, on_each_side=2)
        ]

    @property
    def previous_page_url(self):
        page = self.page_obj
        return self.page_url(page.previous_page_number()) if page.has_previous() else None

    @property
    def next_page_url(self):
        page = self.page_obj
        return self.page_url(page.next_page_number()) if page.has_next() else None

    @property
    def heading(self):
        if self.tracks:
            if self.month:
                return _("Leergangen in %(month)s") % {"month": self.month_label}
            return _("Afgelopen leergangen") if self.archive else _("Leergangen")
        if self.month:
            return _("Activiteiten in %(month)s") % {"month": self.month_label}
        return _("Afgelopen activiteiten") if self.archive else _("Komende activiteiten")
