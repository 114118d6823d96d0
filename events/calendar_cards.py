"""What a calendar card tells the person looking, so they can decide without opening the
meeting: the price for them, places left, full (waiting list), members only, and their own
place (aangemeld, plek n op de wachtlijst).

The card asks the very decision the meeting page asks (events.views.signup_for, with the
price by membership on the meeting's day and the meeting's rules underneath); it only
hands that decision what a listing fetched once for all its meetings: the person's active
registrations with their waiting positions (one query), their membership on every meeting
day (members.membership.memberships_on, the same few queries as for one day) and the counts
annotated on the meetings. So a page of twenty cards costs what a page of one costs.

A card also gives the meeting's study load in one line ("5,5 studie-uren · 5 PE-punten
IPMA"), from the programme and accreditations the listing prefetched (for_cards).

What a card says depends on who looks; the page that shows it is private for anyone logged
in (leerhuis.core.wagtail_hooks), and an anonymous card holds nothing personal.
"""

from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events.development.formatting import number_text, points_text
from events.models import Registration
from events.views import Signup, signup_for
from leerhuis.core.formatting import money, money_or_free
from members.access import Visibility
from members.membership import memberships_on


@dataclass
class CardState:
    signup: Signup
    event: object
    anonymous: bool

    @property
    def members_only(self):
        return self.event.visibility == Visibility.MEMBERS

    @property
    def group_only(self):
        return self.event.group_only

    @property
    def own_state(self):
        """The person's own place, in words ('' when they have none)."""
        signup = self.signup
        if signup.is_registered:
            return _("Je bent aangemeld")
        if signup.is_waitlisted:
            return _("Plek %(position)s op de wachtlijst") % {"position": signup.position}
        if signup.is_over and signup.registration is not None:
            return _("Je was aangemeld")
        return ""

    @property
    def places(self):
        """Places left while one can still sign up for a place ('' without a maximum)."""
        if not self.signup.is_open:
            return ""
        left = self.event.places_left()
        if left is None:
            return ""
        return ngettext("Nog %(count)s plaats", "Nog %(count)s plaatsen", left) % {"count": left}

    @property
    def closed_reason(self):
        """Why signing up is not possible now (not yet open, closed), when the meeting goes
        on and is still to come; a cancelled or past meeting says so itself."""
        signup = self.signup
        if signup.state != "closed" or self.event.is_cancelled:
            return ""
        return signup.reason

    @property
    def price(self):
        """The price for the person looking, with its basis; '' when there is none to tell."""
        signup = self.signup
        if not signup.show_price or signup.is_over:
            return ""
        if signup.registration is not None:
            # What they pay was decided at sign-up; a cancelled place is not theirs.
            return capfirst(money_or_free(signup.price))
        if self.anonymous:
            return self._both_prices()
        if signup.membership.is_member:
            if signup.price:
                return _("%(amount)s (lid)") % {"amount": money(signup.price)}
            return _("Gratis (lid)")
        return capfirst(money_or_free(signup.price))

    def _both_prices(self):
        """Anonymous: what others pay, and what members pay beside it."""
        event = self.event
        if not event.price_non_member and not event.price_member:
            return _("Gratis")
        others = capfirst(money_or_free(event.price_non_member))
        if not event.price_member:
            return _("%(others)s, gratis voor leden") % {"others": others}
        return _("%(others)s, leden %(members)s") % {
            "others": others,
            "members": money(event.price_member),
        }


def study_load_line(event):
    """ "5,5 studie-uren · 5 PE-punten (IPMA)"; '' for a cancelled meeting, where nothing is
    learned. Reads the programme and accreditations the listing prefetched."""
    if event.is_cancelled:
        return ""
    hours = event.learning_hours()
    parts = []
    if hours:
        count = 1 if hours == 1 else 2
        parts.append(
            ngettext("%(hours)s studie-uur", "%(hours)s studie-uren", count)
            % {"hours": number_text(hours)}
        )
    parts += [points_text(scheme, points) for scheme, points in event.accreditation_points()]
    return " · ".join(parts)


def with_card_states(events, user, now=None):
    """`events` as a list, each with `card_state`; a fixed number of queries for any length."""
    events = list(events)
    own = {}
    if user.is_authenticated and events:
        places = (
            Registration.objects.active()
            .filter(user=user, event__in=[event.pk for event in events])
            .with_waiting_position()
        )
        own = {registration.event_id: registration for registration in places}
    memberships_on(user, {event.price_day() for event in events})
    for event in events:
        signup = signup_for(event, user, now, own=own.get(event.pk))
        event.card_state = CardState(signup, event, anonymous=not user.is_authenticated)
    return events
