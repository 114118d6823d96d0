"""The mails of "stuur een collega" that are not about a registration of the addressee: the
invitation (the colleague may have no account), its withdrawal, and the answer "nee" to the
sender.

Queued in the outbox inside the verb's transaction, once per invitation, like every mail of
events.mail; accepting reuses events.mail.transferred (the sender's receipt and the
colleague's confirmation with its calendar item).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from events.mail import when
from leerhuis.core.formatting import absolute_url, page_url
from leerhuis.core.outbox import queue


def invitation_url(invitation, token):
    event = invitation.registration.event
    return absolute_url(reverse("collega_uitnodiging", args=[event.slug, token]))


def _context(invitation, subject):
    event = invitation.registration.event
    return {
        "subject": subject,
        "invitation": invitation,
        "sender_name": invitation.registration.name,
        "event": event,
        "page_url": page_url(event),
        "when": when(event.start, event.end),
        "place": event.place,
        "online": False,  # the link is for whoever has the place, after accepting
        "until": date_format(timezone.localtime(invitation.expires_at), "l j F Y, H:i"),
        "contact": event.contact_person,
        "dashboard_url": absolute_url(reverse("mijn_leerhuis")),
    }


def invited(invitation, token):
    """To the colleague: who offers which place, until when, and the link to accept."""
    with translation.override(settings.LANGUAGE_CODE):
        event = invitation.registration.event
        subject = _("%(name)s geeft je een plaats: %(title)s") % {
            "name": invitation.registration.name,
            "title": event.title,
        }
        context = {**_context(invitation, subject), "accept_url": invitation_url(invitation, token)}
        return queue(
            f"collega-uitnodiging:{invitation.pk}",
            invitation.email,
            subject,
            "events/mail/collega_uitnodiging",
            context,
        )


def declined(invitation):
    """To the sender: the colleague said no, the place is still theirs."""
    registration = invitation.registration
    if not registration.email:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Je collega neemt je plaats niet over: %(title)s") % {
            "title": registration.event.title
        }
        return queue(
            f"collega-afgeslagen:{invitation.pk}",
            registration.email,
            subject,
            "events/mail/collega_afgeslagen",
            {**_context(invitation, subject), "registration": registration},
        )


def withdrawn(invitation):
    """To the colleague: the link from the invitation no longer works (withdrawn, or a
    newer invitation went to someone else)."""
    with translation.override(settings.LANGUAGE_CODE):
        event = invitation.registration.event
        subject = _("Uitnodiging ingetrokken: %(title)s") % {"title": event.title}
        return queue(
            f"collega-ingetrokken:{invitation.pk}",
            invitation.email,
            subject,
            "events/mail/collega_ingetrokken",
            _context(invitation, subject),
        )
