"""A meeting (EventPage): one bijeenkomst, workshop, webinar, netwerkdag or leergang session.

Its fields and admin panels live here; what it allows (sign up, cancel, check in, …) lives
in MeetingRules (events/models/rules.py).
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
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

from events.development.formatting import hours_text
from leerhuis.core.models import BasePage, BasePageForm
from leerhuis.core.themes import theme_field

from .choices import REGION_CHOICES, EventStatus, EventType, Form
from .details import MeetingDetails
from .queries import EventPageManager
from .rules import MeetingRules
from .study_load import StudyLoad


def spans_several_days(start, end):
    """Begins and ends on different calendar days, in Amsterdam."""
    amsterdam = timezone.get_default_timezone()
    return bool(start and end) and (
        timezone.localdate(start, amsterdam) != timezone.localdate(end, amsterdam)
    )


class EventPageForm(BasePageForm):
    def clean(self):
        cleaned_data = super().clean()
        # The default counts the programme of one day; over several days it can only guess,
        # and a statement of hours should not rest on a guess. Asked here, of the editor who
        # can answer, rather than in EventPage.clean(): Wagtail cleans on every save, and a
        # meeting saved before this rule, or by code, must still save.
        missing = cleaned_data.get("study_hours") is None and "study_hours" not in self.errors
        if missing and spans_several_days(cleaned_data.get("start"), cleaned_data.get("end")):
            self.add_error(
                "study_hours",
                _(
                    "Deze activiteit duurt meer dan één dag. Vul in hoeveel studie-uren "
                    "deelname oplevert: dat kan de site niet uit het programma afleiden."
                ),
            )
        return cleaned_data


class StudyHoursPanel(FieldPanel):
    """The study hours field, its help text saying what an empty field counts for this
    meeting now, so the editor sees the default before deciding to override it."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            page = self.instance
            if self.bound_field is None or not (page.pk and page.start and page.end):
                return
            if spans_several_days(page.start, page.end):
                now = gettext("Deze activiteit duurt meer dan één dag: vul de uren zelf in.")
            else:
                now = gettext("Voor deze activiteit nu: %(hours)s.") % {
                    "hours": hours_text(page.study_hours_default())
                }
            rounding = gettext("Uren tellen per kwartier (0,25).")
            self.help_text = f"{self.help_text} {now} {rounding}"


class AccreditationFormSet(BaseChildFormSet):
    """The same scheme twice on one meeting: a sentence an editor understands, instead of
    Django's message naming the fields of the constraint ("page en scheme")."""

    def get_unique_error_message(self, unique_check):
        return gettext("Elke regeling mag maar één keer bij een activiteit staan.")

    def get_form_error(self):
        return gettext("Deze regeling staat er al bij; zet de punten in één regel.")


class AccreditationsPanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = AccreditationFormSet
        return options


def _without_deleted_schemes(content):
    """A revision's accreditations minus those in a scheme deleted since: a draft or an old
    revision may name one (the scheme's guard sees only what is published), and modelcluster
    cannot build the page around a missing PROTECT target, so the editor would meet an
    error page instead of the draft."""
    accreditations = content.get("accreditations") or []
    named = {item.get("scheme") for item in accreditations}
    if not named:
        return content
    from .development import AccreditationScheme

    existing = set(AccreditationScheme.objects.filter(pk__in=named).values_list("pk", flat=True))
    if named <= existing:
        return content
    kept = [item for item in accreditations if item.get("scheme") in existing]
    return {**content, "accreditations": kept}


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
        InlinePanel("programme", heading=_("Programma"), label=_("onderdeel")),
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
    # A copy is a new meeting (next year's edition, say): nobody has been told anything
    # about it yet, so its calendar items start at SEQUENCE 0 and its first publish records
    # the schedule.
    # Accreditations neither: a scheme recognises one edition, under its own reference.
    exclude_fields_in_copy = ["sequence", "schedule", "accreditations"]

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
        if self.can_join_online and not self.online_url:
            errors["online_url"] = _("Een online of hybride bijeenkomst heeft een link nodig.")
        if self.meets_on_location and not self.venue:
            errors["venue"] = _("Vul de locatie in, of kies de vorm 'online'.")
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        # A revision carries sequence and schedule as they were when it was saved; a draft
        # from before the last move must not undo the record of what people were told.
        obj = super().with_content_json(_without_deleted_schemes(content))
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
