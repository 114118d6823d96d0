"""Is this person a member on a given date, and on what basis?

membership_on() is the only place that decides; prices, access and the dashboard ask it.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from members import affiliations
from members.models import Affiliation, AffiliationStatus, Membership, Organisation
from members.models.organisations import is_personal_mail_domain


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
        status = _decide(user, on)
        # Read the dict again: working out a missing affiliation clears the old one.
        user.__dict__.setdefault("_membership_cache", {})[on] = status
        return status
    return cached[on]


def _decide(user, on):
    affiliation = _affiliation(user)
    if affiliation is None:
        # An account from before affiliations existed, or made outside allauth
        # (createsuperuser): work it out once now.
        affiliation = affiliations.evaluate(user)
    organisation = affiliation.organisation
    domain = affiliation.email_domain
    if not affiliation.is_linked:
        return MembershipStatus(on, False, affiliation.status, organisation, None, domain)
    counted = [organisation.pk, *_predecessors_on(organisation, on)]
    memberships = list(
        Membership.objects.filter(organisation__in=counted).with_validity(on).order_by("valid_from")
    )
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


def _predecessors_on(organisation, on):
    """Organisations that had not yet merged into this one (directly or through another
    herindeling) on date `on`. Mergers are few: one query for all of them."""
    merged = Organisation.objects.filter(merged_into__isnull=False).values_list(
        "pk", "merged_into_id", "merged_on"
    )
    children = {}
    for pk, into, merged_on in merged:
        children.setdefault(into, []).append((pk, merged_on))
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
