"""Who comes to what: one row per person per meeting, with the price and why."""

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.membership import membership_on

from .choices import EventStatus, RegistrationStatus
from .tickets import new_ticket_code


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED)

    def attended(self, now=None):
        """Places where the person was there: confirmed, checked in, at a meeting that has
        begun. What certificates, leergang progress and development records count."""
        return self.confirmed().filter(
            checked_in_at__isnull=False, event__start__lte=now or timezone.now()
        )

    def counting(self, now=None):
        """Places on someone's development record: attended, at a meeting that went ahead.
        The queryset twin of Registration.counts_for_record."""
        return self.attended(now).exclude(event__status=EventStatus.GEANNULEERD)

    def reachable(self):
        """Confirmed places with an address to mail (anonymised ones have none)."""
        return self.confirmed().exclude(email="")

    def waiting_order(self):
        """First come, first served: the order in which the waiting list is promoted."""
        return self.waitlisted().order_by("created_at", "pk")

    def ahead_of(self, created_at, pk):
        """Waiting before the registration (created_at, pk) in waiting_order; OuterRefs work
        too, for a position per row in one query."""
        earlier = Q(created_at__lt=created_at) | Q(created_at=created_at, pk__lt=pk)
        return self.waitlisted().filter(earlier)

    def with_waiting_position(self):
        """`waiting_ahead` on each row: how many wait before it (ahead_of), in the same query,
        so a listing of someone's places says "plek n op de wachtlijst" without a query each."""
        ahead = (
            self.model.objects.filter(event_id=OuterRef("event_id"))
            .ahead_of(OuterRef("created_at"), OuterRef("pk"))
            .order_by()
            .values("event_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            waiting_ahead=Coalesce(Subquery(ahead, output_field=models.IntegerField()), 0)
        )


class Registration(models.Model):
    # PROTECT: a registration records a place, a price and attendance; deleting the meeting
    # or leergang must never take it along (events/admin/guards.py explains in the admin).
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("activiteit"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    # Kept when an account is deleted (the count and the invoice stay right), anonymised.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), blank=True)
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(
        _("organisatie (bij aanmelding)"), max_length=200, blank=True
    )
    status = models.CharField(
        _("stand van de aanmelding"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
        db_index=True,
    )
    learning_track = models.ForeignKey(
        "events.LearningTrackPage",
        verbose_name=_("via leergang"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )

    # The price and its basis as they were decided at sign-up (membership on the event date).
    price = models.DecimalField(_("prijs"), max_digits=7, decimal_places=2, default=0)
    is_member = models.BooleanField(_("lid op de dag van de activiteit"), default=False)
    membership_basis = models.CharField(
        _("grond voor de prijs"),
        max_length=300,
        blank=True,
        help_text=_("Waarom deze prijs: het lidmaatschap dat op de dag van de activiteit gold."),
    )
    billing_organisation = models.CharField(_("factuur aan"), max_length=200, blank=True)
    billing_reference = models.CharField(
        _("inkoopordernummer of kostenplaats"), max_length=100, blank=True
    )
    billing_email = models.EmailField(_("e-mailadres voor de factuur"), blank=True)

    # Answers. Dietary and accessibility needs are deleted a while after the meeting.
    dietary = models.CharField(_("dieetwensen"), max_length=300, blank=True)
    accessibility = models.CharField(_("toegankelijkheid"), max_length=300, blank=True)
    workshop = models.ForeignKey(
        "events.Workshop",
        verbose_name=_("gekozen workshop"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    on_attendee_list = models.BooleanField(_("op de deelnemerslijst"), default=False)
    answers_purged_at = models.DateTimeField(
        _("antwoorden gewist op"), null=True, blank=True, editable=False
    )

    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgemeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancel_reason = models.CharField(_("reden"), max_length=200, blank=True)
    # A colleague who took this place over ("stuur een collega"): the new registration.
    replaced_by = models.OneToOneField(
        "self",
        verbose_name=_("overgenomen door (collega)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    checked_in_at = models.DateTimeField(_("aanwezig"), null=True, blank=True)
    # On the ticket and in its QR code; random, so it gives away nothing (models/tickets.py).
    ticket_code = models.CharField(
        _("ticketcode"), max_length=16, unique=True, default=new_ticket_code, editable=False
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status="cancelled"),
                name="one_active_registration_per_person",
                violation_error_message=_("Je bent al aangemeld voor deze activiteit."),
            )
        ]
        indexes = [
            models.Index(fields=["event", "status", "created_at"]),
            # Someone's own places (Mijn Leerhuis, the personal feed) by status.
            models.Index(fields=["user", "status"], name="registration_user_status"),
        ]
        permissions = [
            ("view_attendees", _("Mag aanmeldingen met persoonsgegevens zien")),
            ("manage_attendees", _("Mag aanmeldingen beheren, aanwezigheid registreren en mailen")),
        ]

    def __str__(self):
        return f"{self.name} – {self.event}"

    @property
    def is_active(self):
        return self.status != RegistrationStatus.CANCELLED

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waitlisted(self):
        return self.status == RegistrationStatus.WAITLISTED

    @property
    def costs_nothing(self):
        """Nothing to pay, whatever the price was: the place was cancelled, or the meeting
        does not go ahead. Pages and mails say "geen kosten"; the finance export leaves
        both out."""
        return not self.is_active or self.event.is_cancelled

    # --- what the person can do with it, and why not (the meeting's rules underneath) -----

    def cancel_block(self, now=None):
        """Why the person can no longer cancel this place themselves; '' when they can."""
        if not self.is_active:
            return _("Deze aanmelding is al afgemeld.")
        if self.checked_in_at is not None:
            return _("Je bent al aanwezig gemeld; afmelden kan niet meer.")
        if not self.event.live:
            return _(
                "Deze activiteit staat niet meer op de site. Neem contact op met de organisatie."
            )
        return self.event.cancel_block(now)

    def may_cancel(self, now=None):
        return not self.cancel_block(now)

    def transfer_block(self, now=None):
        """Why this place cannot pass to a colleague; '' when it can.

        Only where it can work: a confirmed place (a spot on the waiting list is not a place
        to give), at a meeting still to come, held by someone whose organisation is a member
        on the day of the meeting, as the price is decided (a member's free place is what a
        colleague of the same member takes over). The cheap checks come first; membership
        costs queries and is asked last.
        """
        if not self.is_active:
            return _("Deze aanmelding is al afgemeld.")
        if not self.is_confirmed:
            return _(
                "Een plaats op de wachtlijst kun je niet aan een collega geven. Krijg je een "
                "plaats, dan kan het wel."
            )
        refusal = self.event.transfer_block(now)
        if refusal:
            return refusal
        if self.user is None or not membership_on(self.user, self.event.price_day()).is_member:
            return _(
                "Een collega in je plaats sturen kan alleen met een plaats van een organisatie "
                "die lid is van de vereniging."
            )
        return ""

    def may_transfer(self, now=None):
        return not self.transfer_block(now)

    @property
    def may_join_online(self):
        """The online link and dial-in are for a confirmed place only, and only while there
        is a meeting to join."""
        return self.is_confirmed and self.event.online_link_open

    def certificate_available(self, now=None):
        """A bewijs van deelname exists once the person was there and the meeting began."""
        return self.is_confirmed and self.checked_in_at is not None and self.event.has_begun(now)

    def counts_for_record(self, now=None):
        """Whether this place is on the person's development record (and its hours and
        points in the organisers' exports): there, at a meeting that went ahead and began.
        RegistrationQuerySet.counting is the same rule for a query."""
        return (
            self.is_confirmed
            and self.checked_in_at is not None
            and self.event.counts_for_record(now)
        )

    def waiting_position(self):
        """1 for the next to be promoted."""
        ahead = self.__dict__.get("waiting_ahead")  # with_waiting_position() counted already
        if ahead is None:
            others = Registration.objects.filter(event_id=self.event_id)
            ahead = others.ahead_of(self.created_at, self.pk).count()
        return ahead + 1
