"""The activity calendar and what it lists: meetings (EventPage) and leergangen."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from leerhuis.core.blocks import BodyBlock
from leerhuis.core.models import BasePage
from members.membership import membership_on

from .choices import REGION_CHOICES, EventStatus, EventType, Form, RegistrationStatus


def _money(verbose_name, help_text=""):
    return models.DecimalField(
        verbose_name,
        max_digits=7,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=help_text,
    )


class EventIndexPage(RoutablePageMixin, BasePage):
    """De activiteitenkalender (/activiteiten/): upcoming meetings, month view, archive."""

    intro = models.TextField(_("inleiding"), blank=True, max_length=600)
    per_page = models.PositiveSmallIntegerField(
        _("activiteiten per pagina"), default=12, validators=[MinValueValidator(1)]
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = ["events.EventPage", "events.LearningTrackPage"]
    parent_page_types = ["core.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("activiteitenkalender")

    def get_context(self, request, *args, **kwargs):
        from events.calendar import Calendar  # here: events.calendar imports these models

        context = super().get_context(request, *args, **kwargs)
        context["calendar"] = Calendar(self, request)
        return context


class EventPageTheme(TaggedItemBase):
    content_object = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="tagged_themes"
    )


class LearningTrackPageTheme(TaggedItemBase):
    content_object = ParentalKey(
        "events.LearningTrackPage", on_delete=models.CASCADE, related_name="tagged_themes"
    )


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Not yet over: a meeting that is running today still counts as upcoming."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def in_month(self, year, month):
        tz = timezone.get_current_timezone()
        first = datetime.datetime(year, month, 1, tzinfo=tz)
        after = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
        # Every meeting that touches the month, also one that started in the month before.
        return self.filter(start__lt=after, end__gt=first).order_by("start", "pk")

    def with_counts(self):
        active = models.Q(registrations__status=RegistrationStatus.CONFIRMED)
        waiting = models.Q(registrations__status=RegistrationStatus.WAITLISTED)
        return self.annotate(
            confirmed_count=models.Count("registrations", filter=active),
            waitlist_count=models.Count("registrations", filter=waiting),
        )


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class MeetingDetails(models.Model):
    """What a meeting and a leergang share: who it is for, what it costs, who to ask."""

    intro = models.TextField(
        _("inleiding"), max_length=600, help_text=_("Eén of twee zinnen voor de kalender.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("beschrijving"), blank=True)
    goal = RichTextField(_("doel"), features=["bold", "italic", "link", "ul"], blank=True)
    audience = RichTextField(_("doelgroep"), features=["bold", "italic", "link", "ul"], blank=True)
    contact_person = models.ForeignKey(
        "members.Person",
        verbose_name=_("contactpersoon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    price_member = _money(
        _("prijs voor leden"), _("Leden zijn gratis, tenzij je hier iets invult.")
    )
    price_non_member = _money(
        _("prijs voor niet-leden"), _("Exclusief btw; niet-leden krijgen achteraf een factuur.")
    )

    class Meta:
        abstract = True


class EventPage(RoutablePageMixin, MeetingDetails, BasePage):  # noqa: DJ008 (Page has it)
    """Eén bijeenkomst, workshop, webinar, netwerkdag of leergang-sessie."""

    start = models.DateTimeField(_("begin"), db_index=True)
    end = models.DateTimeField(_("einde"), db_index=True)
    event_type = models.CharField(
        _("soort"), max_length=20, choices=EventType.choices, default=EventType.BIJEENKOMST
    )
    form = models.CharField(_("vorm"), max_length=20, choices=Form.choices, default=Form.OP_LOCATIE)
    region = models.CharField(
        _("regio"), max_length=20, choices=REGION_CHOICES, default="landelijk", db_index=True
    )
    themes = ClusterTaggableManager(
        through=EventPageTheme,
        blank=True,
        verbose_name=_("thema's"),
        related_name="event_pages",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.GEPLAND
    )
    status_note = models.TextField(
        _("toelichting bij de status"),
        blank=True,
        max_length=600,
        help_text=_("Bijv. waarom de bijeenkomst niet doorgaat, of de oude datum."),
    )

    venue = models.CharField(_("locatie"), max_length=200, blank=True)
    address = models.TextField(_("adres"), blank=True, max_length=300)
    venue_accessibility = models.TextField(
        _("toegankelijkheid van de locatie"), blank=True, max_length=600
    )
    online_url = models.URLField(
        _("link naar de online bijeenkomst"),
        blank=True,
        help_text=_("Alleen zichtbaar voor wie bevestigd is aangemeld."),
    )
    online_details = models.TextField(
        _("inbelgegevens"), blank=True, max_length=600, help_text=_("Bijv. een toegangscode.")
    )

    questions = StreamField(
        [("vraag", blocks.CharBlock(label=_("Vraag"), max_length=300))],
        verbose_name=_("vragen die aan bod komen"),
        blank=True,
    )
    materials = StreamField(
        [
            ("document", DocumentChooserBlock(label=_("Document"))),
            (
                "link",
                blocks.StructBlock(
                    [
                        ("title", blocks.CharBlock(label=_("Titel"), max_length=200)),
                        ("url", blocks.URLBlock(label=_("Adres"))),
                    ],
                    label=_("Link"),
                ),
            ),
        ],
        verbose_name=_("materiaal achteraf"),
        blank=True,
        help_text=_("Presentaties, verslag en andere documenten na afloop."),
    )

    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        help_text=_("Leeg: geen maximum. 0: aanmelden is niet mogelijk."),
    )
    registration_opens = models.DateTimeField(
        _("aanmelden kan vanaf"), null=True, blank=True, help_text=_("Leeg: meteen.")
    )
    registration_closes = models.DateTimeField(
        _("aanmelden kan tot"), null=True, blank=True, help_text=_("Leeg: tot het begin.")
    )
    cancellation_deadline = models.DateTimeField(
        _("afmelden kan tot"), null=True, blank=True, help_text=_("Leeg: tot het begin.")
    )
    learning_track = models.ForeignKey(
        "events.LearningTrackPage",
        verbose_name=_("hoort bij leergang"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    # Rises when time, place or status change (calendar feeds, "moved" mails); `schedule`
    # is what those were when registrants were last told.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    schedule = models.JSONField(default=dict, blank=True, editable=False)

    objects = EventPageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
            ],
            heading=_("Wanneer"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_type"), FieldPanel("form")]),
                FieldRowPanel([FieldPanel("region"), FieldPanel("themes")]),
                FieldPanel("learning_track"),
            ],
            heading=_("Soort en thema"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("venue_accessibility"),
                FieldPanel("online_url"),
                FieldPanel("online_details"),
            ],
            heading=_("Waar"),
        ),
        FieldPanel("body"),
        FieldPanel("questions"),
        InlinePanel("programme", heading=_("Programma"), label=_("onderdeel")),
        InlinePanel("speakers", heading=_("Sprekers"), label=_("spreker")),
        InlinePanel("workshops", heading=_("Workshops (om uit te kiezen)"), label=_("workshop")),
        FieldPanel("goal"),
        FieldPanel("audience"),
        FieldPanel("contact_person"),
        FieldPanel("materials"),
    ]
    registration_panels = [
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldPanel("cancellation_deadline"),
            ],
            heading=_("Aanmelden"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("price_member"), FieldPanel("price_non_member")])],
            heading=_("Prijs"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(registration_panels, heading=_("Aanmelden")),
            ObjectList(BasePage.promote_panels, heading=_("Promotie")),
            ObjectList(BasePage.settings_panels, heading=_("Instellingen")),
        ]
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("start"),
        index.FilterField("event_type"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Het einde moet na het begin liggen.")
        opens, closes = self.registration_opens, self.registration_closes
        if opens and closes and closes <= opens:
            errors["registration_closes"] = _("Aanmelden moet sluiten nadat het opent.")
        if self.form in (Form.ONLINE, Form.HYBRIDE) and not self.online_url:
            errors["online_url"] = _("Een online of hybride bijeenkomst heeft een link nodig.")
        if self.form in (Form.OP_LOCATIE, Form.HYBRIDE) and not self.venue:
            errors["venue"] = _("Vul de locatie in, of kies de vorm 'online'.")
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        # A revision carries sequence and schedule as they were when it was saved; a draft
        # from before the last move must not undo the record of what people were told.
        obj = super().with_content_json(content)
        obj.sequence, obj.schedule = self.sequence, self.schedule
        return obj

    # --- what the page says about signing up -------------------------------------------

    @property
    def is_cancelled(self):
        return self.status == EventStatus.GEANNULEERD

    @property
    def closes_at(self):
        return self.registration_closes or self.start

    @property
    def cancel_until(self):
        return self.cancellation_deadline or self.start

    def registration_block(self, now=None):
        """Why nobody can sign up right now, as a Dutch sentence; '' when sign-up is open."""
        now = now or timezone.now()
        if self.is_cancelled:
            return _("Deze activiteit gaat niet door.")
        if self.end <= now or self.start <= now:
            return _("Deze activiteit is al begonnen of voorbij.")
        if self.capacity == 0:
            return _("Voor deze activiteit kun je je niet aanmelden.")
        if self.registration_opens and now < self.registration_opens:
            return _("Aanmelden kan vanaf %(when)s.") % {"when": _when(self.registration_opens)}
        if now >= self.closes_at:
            return _("Aanmelden is gesloten.")
        return ""

    def has_room(self):
        """A confirmed place is free (counts now: the services call it under the row lock)."""
        if self.capacity is None:
            return True
        return self.registrations.confirmed().count() < self.capacity

    def is_full(self):
        """A new sign-up goes on the waiting list: no place free, or people already waiting,
        whom nobody passes (a place freed within 24 hours waits for the organiser)."""
        return self.registrations.waitlisted().exists() or not self.has_room()

    def can_cancel(self, now=None):
        return (now or timezone.now()) < self.cancel_until and self.end > (now or timezone.now())

    def price_for(self, user):
        """(amount, MembershipStatus): what `user` pays, decided by membership on the day."""
        status = membership_on(user, timezone.localtime(self.start).date())
        return (self.price_member if status.is_member else self.price_non_member), status

    @property
    def is_free_for_members(self):
        return not self.price_member

    @property
    def theme_list(self):
        return list(self.themes.all())

    # --- routes: the page, aanmelden/, afmelden/, collega/ (views in events/views.py) ----

    @path("")
    def index_route(self, request):
        from events import views

        return views.event_page(request, self)

    @path("aanmelden/", name="aanmelden")
    def signup_route(self, request):
        from events import views

        return views.register(request, self)

    @path("afmelden/", name="afmelden")
    def cancel_route(self, request):
        from events import views

        return views.cancel(request, self)

    @path("collega/", name="collega")
    def colleague_route(self, request):
        from events import views

        return views.colleague(request, self)


def _when(moment):
    from django.utils.formats import date_format

    return date_format(timezone.localtime(moment), "j F Y, H:i")
