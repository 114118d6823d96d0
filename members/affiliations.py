"""Who works where: linking people to organisations, only from verified facts.

Every change of an Affiliation goes through these functions, and each is logged in
AffiliationChange with its reason and who decided.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from members.models import (
    Affiliation,
    AffiliationChange,
    AffiliationStatus,
    Organisation,
    OrganisationDomain,
)
from members.models.organisations import normalise_domain


class AffiliationError(ValueError):
    """A request that the rules do not allow; the message is for the person asking."""


def verified_domain(user) -> str:
    """The domain of the user's primary address, or "" while it is not verified."""
    address = (
        EmailAddress.objects.filter(user=user, primary=True, verified=True)
        .values_list("email", flat=True)
        .first()
    )
    return normalise_domain(address.rpartition("@")[2]) if address else ""


def organisations_for_domain(domain: str) -> list[Organisation]:
    """The organisations an address at this domain belongs to, most specific match first.

    `ruimte.veenendaal.nl` matches `veenendaal.nl` only when that domain allows subdomains,
    and an exact entry for `ruimte.veenendaal.nl` wins over it. Merged organisations give
    their successor.
    """
    if not domain:
        return []
    labels = domain.split(".")
    parents = [".".join(labels[i:]) for i in range(1, len(labels) - 1)]
    # Only published organisations: a draft one links nobody until it is published.
    domains = OrganisationDomain.objects.filter(organisation__live=True)
    matches = list(domains.filter(domain=domain).select_related("organisation")) or list(
        domains.filter(domain__in=parents, include_subdomains=True)
        .select_related("organisation")
        .order_by()
    )
    if not matches:
        return []
    closest = max(len(m.domain) for m in matches)
    found = {}
    for match in matches:
        if len(match.domain) == closest:
            organisation = match.organisation.successor()
            found[organisation.pk] = organisation
    return sorted(found.values(), key=lambda o: o.name_folded)


def _record(affiliation, status, organisation, domain, reason="", by=None):
    """Save a change and log it; an unchanged affiliation writes nothing."""
    changed = (
        affiliation.status != status
        or affiliation.organisation_id != (organisation.pk if organisation else None)
        or affiliation.email_domain != domain
    )
    if not changed:
        return affiliation
    affiliation.status = status
    affiliation.organisation = organisation
    affiliation.email_domain = domain
    affiliation.reason = reason
    affiliation.decided_by = by
    affiliation.save()
    AffiliationChange.objects.create(
        user_id=affiliation.user_id,
        status=status,
        organisation=organisation,
        organisation_name=organisation.name if organisation else "",
        email_domain=domain,
        reason=reason,
        by=by,
    )
    # Cached answers of membership_on() for this user are stale now.
    affiliation.user.__dict__.pop("_membership_cache", None)
    return affiliation


def _locked(user):
    """The user's affiliation row, locked; made first if missing (get_or_create survives two
    requests racing to make it)."""
    affiliation, _ = Affiliation.objects.get_or_create(user=user)
    return Affiliation.objects.select_for_update().get(pk=affiliation.pk)


@transaction.atomic
def evaluate(user, reason=""):
    """Work out the affiliation again from the user's verified email address.

    Called when an address is confirmed, changed or removed, and when staff change domains.
    A hand-made link or a confirmed choice stays as long as the address's domain is the one
    it was made for.
    """
    affiliation = _locked(user)
    affiliation.user = user
    domain = verified_domain(user)
    if not domain:
        return _record(affiliation, AffiliationStatus.UNVERIFIED, None, "", reason)
    same_domain = affiliation.pk and affiliation.email_domain == domain
    current = affiliation.organisation
    if same_domain and affiliation.status == AffiliationStatus.MANUAL and current:
        successor = current.successor()
        return _record(
            affiliation,
            AffiliationStatus.MANUAL,
            successor,
            domain,
            affiliation.reason,
            affiliation.decided_by,
        )
    candidates = organisations_for_domain(domain)
    if not candidates:
        return _record(affiliation, AffiliationStatus.UNKNOWN_DOMAIN, None, domain, reason)
    if len(candidates) == 1:
        return _record(affiliation, AffiliationStatus.DOMAIN, candidates[0], domain, reason)
    # A shared werkorganisatie: the person chooses, staff confirm. A choice already made
    # for this domain stands while it is still one of the candidates.
    if (
        same_domain
        and current
        and affiliation.status in (AffiliationStatus.PENDING, AffiliationStatus.DOMAIN)
    ):
        successor = current.successor()
        if successor in candidates:
            return _record(
                affiliation,
                affiliation.status,
                successor,
                domain,
                affiliation.reason,
                affiliation.decided_by,
            )
    return _record(affiliation, AffiliationStatus.CHOICE_NEEDED, None, domain, reason)


@transaction.atomic
def choose(user, organisation):
    """The person picks one of the organisations that share their domain; staff confirm.

    Only while no choice has been confirmed: a decision staff made is not undone here.
    """
    affiliation = _locked(user)
    if affiliation.status not in (AffiliationStatus.CHOICE_NEEDED, AffiliationStatus.PENDING):
        raise AffiliationError(
            _("Je organisatie is al vastgesteld. Klopt die niet? Neem contact op.")
        )
    domain = verified_domain(user)
    if organisation not in organisations_for_domain(domain):
        raise AffiliationError(
            _("%(organisation)s hoort niet bij het domein van je e-mailadres.")
            % {"organisation": organisation}
        )
    affiliation.user = user
    return _record(
        affiliation,
        AffiliationStatus.PENDING,
        organisation,
        domain,
        _("Gekozen door de persoon zelf."),
    )


@transaction.atomic
def confirm(affiliation, by):
    """Staff confirm the organisation someone chose."""
    locked = Affiliation.objects.select_for_update().get(pk=affiliation.pk)
    locked.user = affiliation.user  # the caller's object, so its remembered answers go
    affiliation = locked
    if affiliation.status != AffiliationStatus.PENDING or affiliation.organisation is None:
        raise AffiliationError(_("Er is geen keuze om te bevestigen."))
    return _record(
        affiliation,
        AffiliationStatus.DOMAIN,
        affiliation.organisation,
        affiliation.email_domain,
        _("Keuze bevestigd."),
        by,
    )


@transaction.atomic
def link_manually(user, organisation, reason, by):
    """Staff link a person by hand (an address the domains do not cover), with a reason."""
    if not reason.strip():
        raise AffiliationError(_("Geef een reden voor de koppeling."))
    domain = verified_domain(user)
    if not domain:
        raise AffiliationError(_("Deze persoon heeft nog geen bevestigd e-mailadres."))
    affiliation = _locked(user)
    affiliation.user = user
    if affiliation.pk:
        # Force a log entry even when only the reason differs.
        affiliation.status = ""
    return _record(affiliation, AffiliationStatus.MANUAL, organisation, domain, reason.strip(), by)


def reevaluate_domain(domain: str) -> int:
    """Everyone whose address falls under this domain, after staff changed the domains."""
    domain = normalise_domain(domain)
    user_ids = Affiliation.objects.filter(
        Q(email_domain=domain) | Q(email_domain__endswith=f".{domain}")
    ).values_list("user_id", flat=True)
    return reevaluate_users(list(user_ids))


def reevaluate_users(user_ids) -> int:
    users = get_user_model().objects.filter(pk__in=user_ids)
    for user in users:
        evaluate(user, reason=_("Register gewijzigd."))
    return len(users)


@transaction.atomic
def follow_merger(organisation):
    """After a herindeling the people of the old organisation move to its successor."""
    successor = organisation.successor()
    if successor == organisation:
        return 0
    moved = 0
    affiliations = Affiliation.objects.select_for_update().filter(organisation=organisation)
    for affiliation in affiliations.select_related("user"):
        _record(
            affiliation,
            affiliation.status,
            successor,
            affiliation.email_domain,
            _("Herindeling: %(old)s is opgegaan in %(new)s.")
            % {"old": organisation, "new": successor},
            affiliation.decided_by,
        )
        moved += 1
    return moved
