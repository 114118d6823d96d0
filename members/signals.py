"""Keep affiliations in step with verified addresses and with the organisation register."""

from allauth.account.signals import email_changed, email_confirmed, email_removed
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import published, unpublished

from members import affiliations, tasks
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
    now = (instance.domain, instance.include_subdomains, instance.organisation_id)
    if kwargs.get("signal") is post_save and loaded == now:
        return
    domains = {instance.domain, loaded[0] if loaded else instance.domain}
    instance.loaded_as = now
    for domain in domains:
        transaction.on_commit(lambda d=domain: tasks.relink_domain.enqueue(d))


def organisation_saved(sender, instance, **kwargs):
    """Marked as merged (herindeling): its people move to the successor. A merger undone:
    the people of its domains are linked anew. A draft changes nothing: saving one only
    writes the live row's revision bookkeeping (update_fields), with the draft's values
    still on the instance in memory."""
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "merged_into" not in update_fields:
        return
    if instance.merged_into_id:
        transaction.on_commit(lambda: affiliations.follow_merger(instance))
    elif getattr(instance, "loaded_merged_into_id", None):
        _relink_domains_of(instance)
    instance.loaded_merged_into_id = instance.merged_into_id


def organisation_published(sender, instance, **kwargs):
    """Published or unpublished (Wagtail's published/unpublished signals): only a published
    organisation links people by its domains, so the people of its domains are linked anew.
    A hand-made link stays; membership asks whether the organisation is published."""
    _relink_domains_of(instance)


def _relink_domains_of(organisation):
    """The people of each of the organisation's domains are linked anew, after the commit."""
    for domain in organisation.domains.values_list("domain", flat=True):
        transaction.on_commit(lambda d=domain: tasks.relink_domain.enqueue(d))


def organisation_deleted(sender, instance, **kwargs):
    """An organisation removed from the register: whoever was linked to it is linked anew
    (its domains go with it, but a hand-made link does not follow a domain)."""
    user_ids = list(instance.affiliations.values_list("user_id", flat=True))
    if user_ids:
        transaction.on_commit(lambda: tasks.relink_users.enqueue(user_ids))


def connect():
    from django.contrib.auth import get_user_model

    from members.privacy import user_deleted
    from members.session_expiry import mark_login
    from members.sessions import forget_session, mark_seen

    pre_delete.connect(user_deleted, sender=get_user_model(), dispatch_uid="members.user_deleted")
    user_logged_in.connect(mark_seen, dispatch_uid="members.mark_seen")
    user_logged_in.connect(mark_login, dispatch_uid="members.mark_login")
    user_logged_out.connect(forget_session, dispatch_uid="members.forget_session")
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
    published.connect(
        organisation_published, sender=Organisation, dispatch_uid="members.organisation_published"
    )
    unpublished.connect(
        organisation_published,
        sender=Organisation,
        dispatch_uid="members.organisation_unpublished",
    )
    pre_delete.connect(
        organisation_deleted, sender=Organisation, dispatch_uid="members.organisation_deleted"
    )
