"""The rules of one meeting, each in one place.

The meeting page, its card in a listing, the mails, the admin, the dashboards, the feeds
and the services all ask these methods; none of them repeats a rule. A rule that says why
something cannot happen returns the Dutch reason ('' when it can), so whoever asks can
both decide and explain.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from leerhuis.core.formatting import join_address
from members.access import Visibility

from .choices import EventStatus, Form
from .queries import count_expressions


def describe_place(venue, address, form):
    """Where, on one line: the venue and address, "online", or both for a hybrid meeting.
    Mails, calendar items and certificates all write a place like this."""
    where = join_address(venue, address)
    if form == Form.ONLINE or not where:
        return _("online")
    if form == Form.HYBRIDE:
        return _("%(where)s (ook online)") % {"where": where}
    return str(where)


def schedule_of(event):
    """The part of a meeting that registrants must hear about when it changes."""
    return {
        "start": event.start.astimezone(datetime.UTC).isoformat(),
        "end": event.end.astimezone(datetime.UTC).isoformat(),
        "venue": event.venue.strip(),
        "address": " ".join(event.address.split()),
        "form": event.form,
        "status": event.status,
        # For an online meeting the link is the place; calendars and mails carry it.
        "online_url": event.online_url,
    }


PLACE_KEYS = ("venue", "address", "form")


def _when(moment):
    return date_format(timezone.localtime(moment), "j F Y, H:i")


class MeetingRules:
    """Mixed into EventPage.

    Counts come from the with_counts() annotations when a listing made them (a card costs
    no query), else from one aggregate query. The services ask on an instance read fresh
    under the meeting's row lock, so there they count what is there now.
    """

    # --- state ------------------------------------------------------------------------

    @property
    def group_only(self):
        """'Alleen voor de groep …' for a meeting of one group ('' for any other): the card,
        the page and the admin say it alike. A listing joins the group (no query per card)."""
        if self.visibility != Visibility.GROUP:
            return ""
        if self.group is None:
            return _("Alleen voor de leden van een groep")
        return _("Alleen voor de groep %(name)s") % {"name": self.group.name}

    @property
    def is_cancelled(self):
        return self.status == EventStatus.GEANNULEERD

    @property
    def is_moved(self):
        return self.status == EventStatus.VERPLAATST

    @property
    def is_online_only(self):
        return self.form == Form.ONLINE

    @property
    def is_hybrid(self):
        return self.form == Form.HYBRIDE

    @property
    def meets_on_location(self):
        """People come to a place (and may eat there): on location or hybrid."""
        return self.form != Form.ONLINE

    @property
    def can_join_online(self):
        return self.form != Form.OP_LOCATIE

    @property
    def place(self):
        return describe_place(self.venue, self.address, self.form)

    def has_begun(self, now=None):
        return self.start <= (now or timezone.now())

    def is_over(self, now=None):
        return self.end <= (now or timezone.now())

    # --- places -----------------------------------------------------------------------

    def registration_counts(self):
        """(confirmed, waiting)."""
        confirmed = getattr(self, "confirmed_count", None)
        waiting = getattr(self, "waitlist_count", None)
        if confirmed is None or waiting is None:
            counts = self.registrations.aggregate(**count_expressions())
            confirmed, waiting = counts["confirmed_count"], counts["waitlist_count"]
        return confirmed, waiting

    def places_left(self):
        """Free places, or None when there is no maximum."""
        if self.capacity is None:
            return None
        confirmed, _waiting = self.registration_counts()
        return max(self.capacity - confirmed, 0)

    def has_room(self):
        """A confirmed place is free (for the organiser giving one by hand, say)."""
        left = self.places_left()
        return left is None or left > 0

    def is_full(self):
        """A new sign-up goes on the waiting list: no place free, or people already waiting,
        whom nobody passes (a place freed within 24 hours waits for the organiser)."""
        confirmed, waiting = self.registration_counts()
        return waiting > 0 or (self.capacity is not None and confirmed >= self.capacity)

    def waitlist_only(self, now=None):
        """Signing up is open, and whoever signs up now lands on the waiting list."""
        return not self.registration_block(now) and self.is_full()

    # --- what one can do, and why not ---------------------------------------------------

    @property
    def closes_at(self):
        return self.registration_closes or self.start

    @property
    def cancel_until(self):
        return self.cancellation_deadline or self.start

    def registration_block(self, now=None):
        """Why nobody can sign up right now; '' when sign-up is open."""
        now = now or timezone.now()
        if self.is_cancelled:
            return _("Deze activiteit gaat niet door.")
        if self.has_begun(now):
            return _("Deze activiteit is al begonnen of voorbij.")
        if self.capacity == 0:
            return _("Voor deze activiteit kun je je niet aanmelden.")
        if self.registration_opens and now < self.registration_opens:
            return _("Aanmelden kan vanaf %(when)s.") % {"when": _when(self.registration_opens)}
        if now >= self.closes_at:
            return _("Aanmelden is gesloten.")
        return ""

    def cancel_block(self, now=None):
        """Why people can no longer cancel their own place on the site; '' when they can.
        Organisers can always cancel for someone."""
        now = now or timezone.now()
        if self.is_cancelled:
            return _("Deze activiteit gaat niet door; afmelden is niet nodig.")
        if now >= self.cancel_until or self.is_over(now):
            return _(
                "Afmelden via de site kon tot %(when)s uur. Neem contact op met de organisatie, "
                "of stuur een collega in je plaats."
            ) % {"when": _when(min(self.cancel_until, self.end))}
        return ""

    def transfer_block(self, now=None):
        """Why a place can no longer pass to a colleague; '' when it can."""
        if self.is_cancelled or self.has_begun(now):
            return _("Deze activiteit is al begonnen of gaat niet door.")
        if self.visibility == Visibility.GROUP:
            # A colleague outside the group may not even see the meeting.
            return _(
                "Een plaats bij een bijeenkomst van een groep geef je niet door: die is alleen "
                "voor de leden van de groep."
            )
        return ""

    def bookable_in_track(self, now=None):
        """A session that booking its leergang signs people up for: still to come, going on."""
        return not self.is_cancelled and not self.has_begun(now)

    @property
    def check_in_opens(self):
        """Attendance is recorded from the start of the meeting's own day (Amsterdam time)."""
        day = timezone.localtime(self.start).date()
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

    def check_in_block(self, now=None):
        """Why nobody can be marked present now; '' when they can."""
        if self.is_cancelled:
            return _("Deze activiteit gaat niet door; er is niemand aanwezig te melden.")
        if (now or timezone.now()) < self.check_in_opens:
            return _("Aanwezigheid registreren kan vanaf de dag van de activiteit, %(day)s.") % {
                "day": date_format(timezone.localtime(self.start), "l j F Y")
            }
        return ""

    @property
    def online_link_open(self):
        """There is a link or dial-in to give, and a meeting to join. Who may see it: only a
        confirmed place (Registration.may_join_online)."""
        return (
            self.can_join_online
            and not self.is_cancelled
            and bool(self.online_url or self.online_details.strip())
        )

    def price_day(self):
        return timezone.localtime(self.start).date()
