"""The mails of signing up, each queued once per cause in the outbox (leerhuis.core.outbox).

Every function runs inside the transaction that caused it: if that rolls back, no mail.
Keys name the cause, so the same cause never mails twice.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from leerhuis.core.outbox import queue


def _attachments(registration):
    from events.ical import event_attachment

    return [event_attachment(registration.event, registration)]


def _send(key, registration, subject, template, attach_ics=False, **context):
    if not registration.email:
        return None
    context = {"registration": registration, "event": registration.event, **context}
    return queue(
        key,
        registration.email,
        subject % {"title": registration.event.title},
        f"events/mail/{template}",
        context,
        attachments=_attachments(registration) if attach_ics else (),
    )


def confirmation(registration):
    return _send(
        f"bevestiging:{registration.pk}",
        registration,
        _("Je bent aangemeld: %(title)s"),
        "bevestiging",
        attach_ics=True,
    )


def waitlisted(registration):
    return _send(
        f"wachtlijst:{registration.pk}",
        registration,
        _("Je staat op de wachtlijst: %(title)s"),
        "wachtlijst",
    )


def promoted(registration):
    return _send(
        f"plaats:{registration.pk}",
        registration,
        _("Er is een plaats voor je: %(title)s"),
        "plaats",
        attach_ics=True,
    )


def cancelled(registration):
    return _send(
        f"afgemeld:{registration.pk}",
        registration,
        _("Je bent afgemeld: %(title)s"),
        "afgemeld",
    )


def transferred(original, successor):
    _send(
        f"overgedragen:{original.pk}",
        original,
        _("Je plaats is overgedragen: %(title)s"),
        "overgedragen",
        successor=successor,
    )
    return (confirmation if successor.is_confirmed else waitlisted)(successor)


def reminder(registration):
    """Two days before; a meeting that moves gets a new reminder for its new date."""
    stamp = registration.event.start.strftime("%Y%m%d%H%M")
    return _send(
        f"herinnering:{registration.pk}:{stamp}",
        registration,
        _("Herinnering: %(title)s"),
        "herinnering",
        attach_ics=True,
    )


def event_changed(registration, sequence):
    """The meeting was cancelled or moved: everyone registered hears it, once per change."""
    event = registration.event
    if event.is_cancelled:
        subject, template = _("Gaat niet door: %(title)s"), "geannuleerd"
    else:
        subject, template = _("Gewijzigd: %(title)s"), "gewijzigd"
    return _send(
        f"{template}:{event.pk}:{sequence}:{registration.pk}",
        registration,
        subject,
        template,
        attach_ics=True,
    )


def track_booked(track, user, registrations):
    if not registrations:
        return None
    first = registrations[0]
    return queue(
        f"leergang:{track.pk}:{first.pk}",
        user.email,
        _("Je bent aangemeld voor de leergang %(title)s") % {"title": track.title},
        "events/mail/leergang",
        {"track": track, "registrations": registrations, "user": user},
        attachments=[
            attachment
            for registration in registrations
            if registration.is_confirmed
            for attachment in _attachments(registration)
        ],
    )


def promotion_needs_organiser(event, now):
    """Within 24 hours of the start nobody is promoted automatically: tell the organiser,
    once per day that it happens."""
    from wagtail.models import Site

    from leerhuis.core.models import SiteSettings

    contact = event.contact_person
    to = contact.email if contact and contact.email else ""
    if not to:
        to = SiteSettings.for_site(Site.objects.get(is_default_site=True)).contact_email
    return queue(
        f"wachtlijst-organisator:{event.pk}:{now:%Y%m%d}",
        to,
        _("Plaats vrij binnen 24 uur: %(title)s") % {"title": event.title},
        "events/mail/organisator_wachtlijst",
        {"event": event, "admin_url": f"{settings.BASE_URL}/admin/"},
    )
