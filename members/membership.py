"""Is this person a member on a given date, and on what basis?

membership_on() is the only place that decides; prices, access and the dashboard ask it.
"""

import copy
from dataclasses import dataclass
from datetime import date

from django.db.models import BooleanField, ExpressionWrapper
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from members import affiliations
from members.models import Affiliation, AffiliationStatus, Membership, Organisation
from members.models.organisations import covers, is_personal_mail_domain


@dataclass(frozen=True)
class MembershipStatus:
    on: date
    is_member: bool
    # Why (not): "lid", "anoniem", an AffiliationStatus value, "geen_lid", "verlopen",
    # "nog_niet".
    reason: str
    organisation: Organisation | None = None
    membership: Membership | None = None
    email_domain: str = ""

    # Why not, by name, for templates.
    @property
    def needs_choice(self):
        return self.reason == AffiliationStatus.CHOICE_NEEDED

    @property
    def needs_verification(self):
        return self.reason == AffiliationStatus.UNVERIFIED

    @property
    def unknown_domain(self):
        return self.reason == AffiliationStatus.UNKNOWN_DOMAIN

    @property
    def category(self):
        return self.membership.category if self.membership else ""

    @property
    def message(self) -> str:
        """One Dutch sentence that says where someone stands and why."""
        org = self.organisation
        m = self.membership
        if self.reason == "lid":
            if m.valid_until:
                return _("%(org)s is lid t/m %(until)s.") % {
                    "org": org,
                    "until": _date(m.valid_until),
                }
            return _("%(org)s is lid.") % {"org": org}
        if self.reason == "verlopen":
            return _("Het lidmaatschap van %(org)s liep tot en met %(until)s.") % {
                "org": org,
                "until": _date(m.valid_until),
            }
        if self.reason == "nog_niet":
            return _("Het lidmaatschap van %(org)s gaat in op %(from)s.") % {
                "org": org,
                "from": _date(m.valid_from),
            }
        if self.reason == "geen_lid":
            return _("%(org)s is geen lid van de vereniging.") % {"org": org}
        if self.reason == AffiliationStatus.PENDING:
            return _("Je keuze voor %(org)s wacht op bevestiging door de vereniging.") % {
                "org": org
            }
        if self.reason == AffiliationStatus.CHOICE_NEEDED:
            return _("Meerdere organisaties gebruiken %(domain)s. Kies bij welke je werkt.") % {
                "domain": self.email_domain
            }
        if self.reason == AffiliationStatus.UNKNOWN_DOMAIN and is_personal_mail_domain(
            self.email_domain
        ):
            return _(
                "Je gebruikt een persoonlijk e-mailadres (%(domain)s). Met je e-mailadres van "
                "het werk koppelen we je aan je organisatie."
            ) % {"domain": self.email_domain}
        if self.reason == AffiliationStatus.UNKNOWN_DOMAIN:
            return _("Het domein %(domain)s hoort (nog) niet bij een aangesloten organisatie.") % {
                "domain": self.email_domain
            }
        if self.reason == "anoniem":
            return _("Log in om te zien of je organisatie lid is.")
        if self.reason in Affiliation.LINKED:  # its organisation was just removed
            return _("Je organisatie staat niet meer in het register van de vereniging.")
        return _("Bevestig je e-mailadres; daarna koppelen we je aan je organisatie.")


# The key beside the dates in a user's remembered answers: what _decide() read once.
LOADED = "loaded"


def _date(value):
    return date_format(value, "d-m-Y")


def _affiliation(user):
    try:
        return Affiliation.objects.select_related("organisation").get(user=user)
    except Affiliation.DoesNotExist:
        return None


def membership_on(user, on: date | None = None) -> MembershipStatus:
    """The membership that covers `user` on date `on` (today when not given).

    An organisation's memberships count, and those of organisations that merged into it
    for dates before the merger: their people and history follow the herindeling.
    The answer is remembered on the user object for the rest of the request.
    """
    on = on or timezone.localdate()
    if user is None or not user.is_authenticated:
        return MembershipStatus(on, False, "anoniem")
    cached = user.__dict__.get("_membership_cache", {})
    if on not in cached:
        return memberships_on(user, [on])[on]
    return cached[on]


def memberships_on(user, dates) -> dict[date, MembershipStatus]:
    """membership_on() for many dates at once (a calendar of meetings on twenty days), in
    the same few queries as for one; the answers are remembered as membership_on's are."""
    if user is None or not user.is_authenticated:
        return {on: MembershipStatus(on, False, "anoniem") for on in dates}
    cached = user.__dict__.get("_membership_cache", {})
    missing = sorted({on for on in dates if on not in cached})
    if missing:
        decided = _decide(user, missing)
        # Read the dict again: working out a missing affiliation clears the old one.
        user.__dict__.setdefault("_membership_cache", {}).update(decided)
        cached = user.__dict__["_membership_cache"]
    return {on: cached[on] for on in dates}


def _decide(user, dates):
    # The affiliation and the mergers do not depend on the date: read once per request,
    # kept beside the answers (and forgotten with them when the affiliation changes).
    loaded = user.__dict__.get("_membership_cache", {}).get(LOADED)
    if loaded is None:
        affiliation = _affiliation(user)
        if affiliation is None:
            # An account from before affiliations existed, or made outside allauth
            # (createsuperuser): work it out once now.
            affiliation = affiliations.evaluate(user)
        loaded = (affiliation, _mergers() if affiliation.is_linked else {})
    affiliation, children = loaded
    organisation = affiliation.organisation
    domain = affiliation.email_domain
    if not affiliation.is_linked or not organisation.live:
        # Not linked, or linked to an organisation that is not published (a draft, or
        # unpublished): no membership counts.
        reason = "geen_lid" if affiliation.is_linked else affiliation.status
        decided = {
            on: MembershipStatus(on, False, reason, organisation, None, domain) for on in dates
        }
        return {**decided, LOADED: loaded}
    counted = {on: {organisation.pk, *_predecessors_on(children, organisation, on)} for on in dates}
    # Each membership once, with its validity on every date asked (by covers()).
    validity = {
        f"valid_{i}": ExpressionWrapper(covers(on), output_field=BooleanField())
        for i, on in enumerate(dates)
    }
    everyone = set().union(*counted.values())
    stored = list(
        Membership.objects.filter(organisation__in=everyone, organisation__live=True)
        .annotate(**validity)
        .order_by("valid_from")
    )
    decided = {}
    for i, on in enumerate(dates):
        memberships = []
        for stored_membership in stored:
            if stored_membership.organisation_id in counted[on]:
                membership = copy.copy(stored_membership)
                membership.is_valid = bool(getattr(stored_membership, f"valid_{i}"))
                memberships.append(membership)
        decided[on] = _status(on, memberships, organisation, domain)
    return {**decided, LOADED: loaded}


def _status(on, memberships, organisation, domain):
    valid = [m for m in memberships if m.is_valid]
    if valid:
        # The one that lasts longest says "lid t/m"; open-ended beats any end date.
        best = max(valid, key=lambda m: (m.valid_until is None, m.valid_until or on))
        return MembershipStatus(on, True, "lid", organisation, best, domain)
    future = [m for m in memberships if m.valid_from > on]
    if future:
        return MembershipStatus(on, False, "nog_niet", organisation, future[0], domain)
    if memberships:
        last = max(memberships, key=lambda m: m.valid_until)
        return MembershipStatus(on, False, "verlopen", organisation, last, domain)
    return MembershipStatus(on, False, "geen_lid", organisation, None, domain)


def _mergers():
    """Which organisations merged into which (and when): mergers are few, one query."""
    merged = Organisation.objects.filter(merged_into__isnull=False).values_list(
        "pk", "merged_into_id", "merged_on"
    )
    children = {}
    for pk, into, merged_on in merged:
        children.setdefault(into, []).append((pk, merged_on))
    return children


def _predecessors_on(children, organisation, on):
    """Organisations that had not yet merged into this one (directly or through another
    herindeling) on date `on`."""
    found, todo = [], [organisation.pk]
    while todo:
        for pk, merged_on in children.get(todo.pop(), []):
            if merged_on and merged_on > on and pk not in found:
                found.append(pk)
                todo.append(pk)
    return found


def is_member(user, on: date | None = None) -> bool:
    return membership_on(user, on).is_member


def shared_organisation(user, other):
    """The organisation `user` and `other` both work for (as far as the Leerhuis verified
    it), or None: who counts as a colleague, for passing on a place say."""
    if user is None or other is None:
        return None
    mine, theirs = membership_on(user).organisation, membership_on(other).organisation
    return mine if mine is not None and theirs is not None and mine.pk == theirs.pk else None
