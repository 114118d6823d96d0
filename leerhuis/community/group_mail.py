"""The mails of groups: the invitation to an address, a request to the group's managers,
and the answer (accepted or refused) to the one who asked.

members.groups decides and writes; these wrappers run its verb and queue the mail in the
same transaction, once per cause (the outbox key), so a double click mails nobody twice.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from leerhuis.core.formatting import absolute_url
from leerhuis.core.outbox import queue
from members import groups


def _stamp(lid):
    return int(lid.requested_at.timestamp() * 1_000_000)


def _context(groep, subject, **extra):
    return {
        "subject": subject,
        "groep": groep,
        "group_url": absolute_url(groep.get_absolute_url()),
        "dashboard_url": absolute_url(reverse("mijn_leerhuis")),
        **extra,
    }


def invitation_url(invitation):
    return absolute_url(reverse("groep_uitnodiging", args=[invitation.token]))


def invited(invitation):
    with translation.override(settings.LANGUAGE_CODE):
        groep = invitation.groep
        subject = _("Uitnodiging voor de groep %(name)s") % {"name": groep.name}
        inviter = invitation.invited_by
        context = _context(
            groep,
            subject,
            invitation=invitation,
            inviter_name=(inviter.get_full_name() or inviter.email) if inviter else "",
            accept_url=invitation_url(invitation),
        )
        return queue(
            f"groep-uitnodiging:{invitation.pk}",
            invitation.email,
            subject,
            "community/mail/groep_uitnodiging",
            context,
        )


def requested(lid):
    """To every manager of the group: who asks, and why."""
    with translation.override(settings.LANGUAGE_CODE):
        groep = lid.groep
        subject = _("Verzoek om lid te worden van %(name)s") % {"name": groep.name}
        asker = lid.user.get_full_name() or lid.user.email
        managers = groep.leden.managers().select_related("user")
        for manager in managers:
            queue(
                f"groep-verzoek:{lid.pk}:{_stamp(lid)}:{manager.user_id}",
                manager.user.email,
                subject,
                "community/mail/groep_verzoek",
                _context(groep, subject, lid=lid, asker=asker, manager=manager.user),
            )


def answered(lid, accepted):
    """To the one who asked: in, or not."""
    with translation.override(settings.LANGUAGE_CODE):
        groep = lid.groep
        if accepted:
            subject = _("Je bent lid van %(name)s") % {"name": groep.name}
        else:
            subject = _("Je verzoek voor %(name)s") % {"name": groep.name}
        return queue(
            f"groep-antwoord:{lid.pk}:{_stamp(lid)}",
            lid.user.email,
            subject,
            "community/mail/groep_antwoord",
            _context(groep, subject, lid=lid, accepted=accepted, person=lid.user),
        )


# --- the verbs with their mail, each in one transaction --------------------------------


def request_to_join(groep, user, motivation=""):
    with transaction.atomic():
        lid, created = groups.request_to_join(groep, user, motivation)
        if created:
            requested(lid)
    return lid, created


def accept(lid, by):
    with transaction.atomic():
        lid, changed = groups.accept(lid, by)
        if changed:
            answered(lid, accepted=True)
    return lid, changed


def refuse(lid, by):
    with transaction.atomic():
        lid, changed = groups.refuse(lid, by)
        if changed:
            answered(lid, accepted=False)
    return lid, changed


def invite(groep, email, by):
    with transaction.atomic():
        invitation, created = groups.invite(groep, email, by)
        if created:
            invited(invitation)
    return invitation, created
