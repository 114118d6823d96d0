"""Keep affiliations in step with verified addresses and with the organisation register."""

from allauth.account.signals import email_changed, email_confirmed, email_removed
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from members import affiliations
from members.models import Organisation, OrganisationDomain


def address_confirmed(sender, request, email_address, **kwargs):
    """A verified address is what links someone to an organisation."""
    affiliations.evaluate(email_address.user)


def address_changed(sender, request, user, **kwargs):
    """A new primary address may mean a new employer."""
    affiliations.evaluate(user)


def address_removed(sender, request, user, **kwargs):
    """Without a verified address there is no affiliation."""
    affiliations.evaluate(user)


def domain_saved(sender, instance, **kwargs):
    """Staff added, changed or removed a domain: people with an address there are linked anew.

    An inline form saves every domain of an organisation; unchanged ones are skipped.
    """
    loaded = getattr(instance, "loaded_as", None)
    now = (instance.domain, instance.include_subdomains)
    if kwargs.get("signal") is post_save and loaded == now:
        return
    domains = {instance.domain, loaded[0] if loaded else instance.domain}
    instance.loaded_as = now
    for domain in domains:
        transaction.on_commit(lambda d=domain: affiliations.reevaluate_domain(d))


def organisation_saved(sender, instance, **kwargs):
    """Marked as merged (herindeling): its people move to the successor."""
    if instance.merged_into_id:
        transaction.on_commit(lambda: affiliations.follow_merger(instance))


def connect():
    email_confirmed.connect(address_confirmed, dispatch_uid="members.address_confirmed")
    email_changed.connect(address_changed, dispatch_uid="members.address_changed")
    email_removed.connect(address_removed, dispatch_uid="members.address_removed")
    post_save.connect(domain_saved, sender=OrganisationDomain, dispatch_uid="members.domain_saved")
    post_delete.connect(
        domain_saved, sender=OrganisationDomain, dispatch_uid="members.domain_deleted"
    )
    post_save.connect(
        organisation_saved, sender=Organisation, dispatch_uid="members.organisation_saved"
    )
