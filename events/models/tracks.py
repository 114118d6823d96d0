"""Een leergang: a series of meetings booked together, completed by attending enough."""

from dataclasses import dataclass

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from leerhuis.core.models import BasePage
from leerhuis.core.themes import theme_field
from members.access import visible_to

from .details import MeetingDetails
from .pages import EventPage
from .registrations import Registration


@dataclass(frozen=True)
class TrackProgress:
    """How far someone is in a leergang: sessions attended (checked in at a meeting that
    has begun) against the minimum for completion."""

    attended: int
    needed: int

    @property
    def completed(self):
        return self.attended >= self.needed


class LearningTrackPage(RoutablePageMixin, MeetingDetails, BasePage):  # noqa: DJ008
    """Een leergang: a series of meetings booked together, completed by attending enough."""

    themes = theme_field()
    min_attendance = models.PositiveSmallIntegerField(
        _("minimale aanwezigheid"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("Bij zoveel bijgewoonde sessies is de leergang afgerond."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        MultipleChooserPanel(
            "begrippen",
            chooser_field_name="concept",
            heading=_("Begrippen"),
            label=_("begrip"),
            help_text=_("De begrippen uit het begrippenkader waar deze leergang over gaat."),
        ),
        FieldPanel("goal"),
        FieldPanel("audience"),
        FieldPanel("min_attendance"),
        FieldPanel("contact_person"),
    ]
    registration_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("price_member"), FieldPanel("price_non_member")])],
            heading=_("Prijs (voor de hele leergang)"),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(registration_panels, heading=_("Aanmelden")),
            ObjectList(BasePage.promote_panels, heading=_("Promotie")),
            ObjectList(BasePage.settings_panels, heading=_("Instellingen")),
        ]
    )
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("leergang")
        verbose_name_plural = _("leergangen")

    def session_pages(self):
        return EventPage.objects.filter(learning_track=self).live().order_by("start", "pk")

    def sessions_for(self, user):
        """The sessions `user` may see, in date order."""
        return visible_to(user, self.session_pages())

    def booking_block(self, bookable, now=None):
        """Why booking the leergang cannot go ahead, given the sessions it would book
        (those for which EventPage.bookable_in_track holds); '' when it can."""
        if not bookable:
            return _("Deze leergang heeft geen sessies meer om te boeken.")
        for session in bookable:
            reason = session.registration_block(now)
            if reason:
                return f"{session.title}: {reason}"
        return ""

    def progress_of(self, user, now=None):
        attended = Registration.objects.attended(now).filter(event__learning_track=self, user=user)
        return TrackProgress(attended.count(), self.min_attendance)

    def price_day(self):
        """The price follows membership on the day of the first session."""
        first = self.session_pages().first()
        return timezone.localtime(first.start).date() if first else timezone.localdate()

    # --- routes: the page, aanmelden/ and aanmelden/klaar/ (events/track_views.py) --------

    @path("")
    def index_route(self, request):
        from events import track_views

        return track_views.track_page(request, self)

    @path("aanmelden/", name="aanmelden")
    def signup_route(self, request):
        from events import track_views

        return track_views.book_track(request, self)

    @path("aanmelden/klaar/", name="aanmelden_klaar")
    def receipt_route(self, request):
        from events import track_views

        return track_views.track_receipt(request, self)
