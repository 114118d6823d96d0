"""A meeting (EventPage): one bijeenkomst, workshop, webinar, netwerkdag or leergang session.

Its fields and admin panels live here; what it allows (sign up, cancel, check in, …) lives
in MeetingRules (events/models/rules.py).
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.search import index

from leerhuis.core.models import BasePage
from leerhuis.core.themes import theme_field

from .choices import REGION_CHOICES, EventStatus, EventType, Form
from .details import MeetingDetails
from .page_editing import (
    AccreditationsPanel,
    EventPageForm,
    StudyHoursPanel,
    without_deleted_schemes,
)
from .queries import EventPageManager
from .rules import MeetingRules
from .study_load import StudyLoad


class EventPage(RoutablePageMixin, MeetingRules, StudyLoad, MeetingDetails, BasePage):  # noqa: DJ008 (Page has it)
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
    themes = theme_field()
    status = models.CharField(
        _("gaat de activiteit door?"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.GEPLAND,
        help_text=_(
            "Gepland: gaat door zoals aangekondigd. Geannuleerd of verplaatst: aangemelde "
            "deelnemers krijgen daarover een e-mail."
        ),
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
    study_hours = models.DecimalField(
        _("studie-uren"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1000"))],
        help_text=_(
            "Hoeveel uur leren deelname oplevert. Leeg: de lengte van het programma zonder "
            "pauzes en lunch (of van de activiteit, als er geen programma is)."
        ),
    )
    # Rises when time, place or status change (calendar feeds, "moved" mails); `schedule`
    # is what those were when registrants were last told.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    schedule = models.JSONField(default=dict, blank=True, editable=False)

    objects = EventPageManager()
    base_form_class = EventPageForm

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
                FieldPanel("region"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
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
        MultipleChooserPanel(
            "begrippen",
            chooser_field_name="concept",
            heading=_("Begrippen"),
            label=_("begrip"),
            help_text=_("De begrippen uit het begrippenkader waar deze activiteit over gaat."),
        ),
        FieldPanel("goal"),
        FieldPanel("audience"),
        FieldPanel("contact_person"),
        FieldPanel("materials"),
    ]
    # The day itself, with what it is worth: the tab an organiser fills in last.
    programme_panels = [
        InlinePanel("programme", heading=_("Programma"), label=_("onderdeel")),
        InlinePanel("speakers", heading=_("Sprekers"), label=_("spreker")),
        InlinePanel("workshops", heading=_("Workshops (om uit te kiezen)"), label=_("workshop")),
        MultiFieldPanel(
            [
                StudyHoursPanel("study_hours"),
                AccreditationsPanel(
                    "accreditations",
                    label=_("accreditatie"),
                    help_text=_(
                        "De punten die deelname oplevert bij een accreditatieregeling (IPMA, "
                        "PMI, …). Regelingen beheer je onder Accreditatieregelingen."
                    ),
                ),
            ],
            heading=_("Studiebelasting"),
        ),
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
            ObjectList(programme_panels, heading=_("Programma")),
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
    # A copy is a new meeting (next year's edition, say): nobody has been told anything
    # about it yet, so its calendar items start at SEQUENCE 0 and its first publish records
    # the schedule.
    # Accreditations neither: a scheme recognises one edition, under its own reference.
    exclude_fields_in_copy = ["sequence", "schedule", "accreditations"]

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        # The calendar asks "visible to this visitor and not yet over (or over)", and of a
        # kind: equality first, then the range, so neither is filtered row by row.
        indexes = [
            models.Index(fields=["visibility", "end", "start"], name="event_visible_end"),
            models.Index(fields=["event_type", "end"], name="event_type_end"),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Het einde moet na het begin liggen.")
        opens, closes = self.registration_opens, self.registration_closes
        if opens and closes and closes <= opens:
            errors["registration_closes"] = _("Aanmelden moet sluiten nadat het opent.")
        if self.can_join_online and not self.online_url:
            errors["online_url"] = _("Een online of hybride bijeenkomst heeft een link nodig.")
        if self.meets_on_location and not self.venue:
            errors["venue"] = _("Vul de locatie in, of kies de vorm 'online'.")
        if errors:
            raise ValidationError(errors)

    # The editor's preview can also show the page as visitors see it when it fills up or is
    # called off, before either happens (nothing is saved: the preview's own copy changes).
    preview_modes = [
        ("", _("Zoals ingevuld")),
        ("vol", _("Vol: alleen nog de wachtlijst")),
        ("geannuleerd", _("Geannuleerd")),
    ]

    def serve_preview(self, request, mode_name):
        if mode_name == "vol":
            confirmed, waiting = self.registration_counts() if self.pk else (0, 0)
            self.capacity = self.capacity or max(confirmed, 1)
            self.confirmed_count = max(self.capacity, confirmed)
            self.waitlist_count = waiting
        elif mode_name == "geannuleerd":
            self.status = EventStatus.GEANNULEERD
        return super().serve_preview(request, mode_name)

    def with_content_json(self, content):
        # A revision carries sequence and schedule as they were when it was saved; a draft
        # from before the last move must not undo the record of what people were told.
        obj = super().with_content_json(without_deleted_schemes(content))
        obj.sequence, obj.schedule = self.sequence, self.schedule
        return obj

    # --- routes: the page, aanmelden/(klaar/), afmelden/, collega/ (events/*views.py) --

    @path("")
    def index_route(self, request):
        from events import views

        return views.event_page(request, self)

    @path("aanmelden/", name="aanmelden")
    def signup_route(self, request):
        from events import signup_views

        return signup_views.register(request, self)

    @path("aanmelden/klaar/", name="aanmelden_klaar")
    def receipt_route(self, request):
        from events import signup_views

        return signup_views.receipt(request, self)

    @path("afmelden/", name="afmelden")
    def cancel_route(self, request):
        from events import views

        return views.cancel(request, self)

    @path("collega/", name="collega")
    def colleague_route(self, request):
        from events import invitations

        return invitations.send(request, self)
