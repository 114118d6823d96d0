"""Mail that is sent once: queue() writes an outbox row inside the caller's transaction and
hands it to a background task after commit; deliver() sends a row at most once.

Django's task API has no retries, so the row is the memory: a task that dies before sending
leaves the row unsent for `manage.py send_outbox` to pick up, and a row already sent is
never sent again.

A mail may also be queued as a recipe (queue_recipe): the row names a renderer, registered
by the app that owns the mail through the Wagtail hook `outbox_renderers`, and its
parameters. A sign-up queues its confirmation that way while it holds the meeting's lock,
so templates, calendar items and QR codes are drawn after the commit, by deliver(): once,
stored on the row, in the site's language. A renderer that fails leaves the row unsent with
its error, for the next delivery to try again.

Mails the site does not write itself (allauth's, Wagtail's, Django's) arrive as rows too,
through EMAIL_BACKEND (leerhuis.core.mail_backend). deliver() alone talks to the mail
server, through OUTBOX_EMAIL_BACKEND.
"""

import base64
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail import hooks

from leerhuis.core.models import OutboxMessage

logger = logging.getLogger(__name__)
# The key of a mail handed over the Django way (leerhuis.core.mail_backend): "mail:<uuid>".
HANDED_OVER = "mail:"
# fn() -> {name: renderer}; renderer(subject, **params) -> {"text", "html", "attachments"}
RENDERERS_HOOK = "outbox_renderers"


def queue(key, to, subject, template, context, attachments=(), headers=None):
    """Write the mail `key` once (a second call with the same key is a no-op).

    `template` is a base name: `<template>.txt` is the plain text and `<template>.html`
    the HTML version; `headers` are extra header lines ({"List-Unsubscribe": …}).
    An attachment is {"filename", "mimetype", "content"}; binary content goes in as base64
    text with "encoding": "base64", since the row is JSON.
    Returns the row, and whether it is new.
    """
    context = {"base_url": settings.BASE_URL, **context}
    message, created = OutboxMessage.objects.get_or_create(
        key=key,
        defaults={
            "to": to,
            "subject": subject,
            "text": render_to_string(f"{template}.txt", context),
            "html": render_to_string(f"{template}.html", context),
            "attachments": list(attachments),
            "headers": dict(headers or {}),
        },
    )
    if created:
        transaction.on_commit(lambda: enqueue(message.pk))
    return message, created


def queue_recipe(key, to, subject, renderer, params, headers=None):
    """Write the mail `key` once, as what to render rather than the rendered mail: cheap
    enough for a caller that holds a lock. `renderer` names an entry of the hook
    RENDERERS_HOOK; `params` (JSON) are its keyword arguments. The subject is known now,
    so a row reads as itself before it is rendered."""
    message, created = OutboxMessage.objects.get_or_create(
        key=key,
        defaults={
            "to": to,
            "subject": subject,
            "text": "",
            "recipe": {"renderer": renderer, "params": params},
            "headers": dict(headers or {}),
        },
    )
    if created:
        transaction.on_commit(lambda: enqueue(message.pk))
    return message, created


def renderers():
    found = {}
    for fn in hooks.get_hooks(RENDERERS_HOOK):
        found.update(fn())
    return found


def render(message):
    """Fill a recipe row with its subject, text, HTML and attachments, once.

    A renderer gets the row's subject and the recipe's params, returns {"text", "html",
    "attachments"} (and may return a "subject"), and runs in the site's language whatever
    the worker's. A row rendered already is left alone.
    """
    if message.is_rendered:
        return message
    recipe = message.recipe
    renderer = renderers()[recipe["renderer"]]
    with translation.override(settings.LANGUAGE_CODE):
        rendered = renderer(message.subject, **recipe.get("params", {}))
    fields = {
        "subject": rendered.get("subject", message.subject),
        "text": rendered["text"],
        "html": rendered.get("html", ""),
        "attachments": list(rendered.get("attachments", ())),
        "rendered_at": timezone.now(),
    }
    # Stored only if no other worker stored its rendering first: a mail is drawn once.
    if OutboxMessage.objects.filter(pk=message.pk, rendered_at__isnull=True).update(**fields):
        for name, value in fields.items():
            setattr(message, name, value)
    else:
        message.refresh_from_db()
    return message


def _draw(pk) -> bool:
    """Render a recipe row before the transaction that sends it, so no lock is held while
    templates, calendar items and QR codes are drawn (on SQLite a write transaction locks
    the whole database). False when drawing failed: the row stays, with its error."""
    message = OutboxMessage.objects.filter(pk=pk, sent_at__isnull=True).first()
    if message is None or message.is_rendered:
        return True  # sent already, or ready to send
    try:
        render(message)
    except Exception as error:  # noqa: BLE001 - any renderer error: retry later
        logger.warning("Outbox message %s not rendered: %s", pk, error)
        OutboxMessage.objects.filter(pk=pk).update(
            attempts=F("attempts") + 1, last_error=f"opmaken mislukt: {error}"[:2000]
        )
        return False
    return True


def enqueue(pk):
    """Hand a committed row to the background task."""
    from leerhuis.core.tasks import send_outbox_message

    send_outbox_message.enqueue(pk)


def transport():
    """The connection that really sends: EMAIL_BACKEND is the outbox itself
    (leerhuis.core.mail_backend), which would only queue the mail again."""
    from leerhuis.core.mail_backend import OutboxEmailBackend

    connection = get_connection(settings.OUTBOX_EMAIL_BACKEND)
    if isinstance(connection, OutboxEmailBackend):
        raise ImproperlyConfigured("OUTBOX_EMAIL_BACKEND moet een echte mailverbinding zijn.")
    return connection


def _as_mail(message):
    envelope = message.recipients or {"to": [message.to]}
    mail = EmailMultiAlternatives(
        message.subject,
        message.text,
        message.from_email or None,
        to=envelope.get("to"),
        cc=envelope.get("cc"),
        bcc=envelope.get("bcc"),
        reply_to=envelope.get("reply_to"),
        headers=message.headers or None,
        connection=transport(),
    )
    if message.html and not message.text:  # a mail that was HTML only stays so
        mail.body, mail.content_subtype = message.html, "html"
    elif message.html:
        mail.attach_alternative(message.html, "text/html")
    for attachment in message.attachments:
        content = attachment["content"]
        if attachment.get("encoding") == "base64":  # bytes (an image) in the JSON row
            content = base64.b64decode(content)
        if attachment.get("alternative"):
            mail.attach_alternative(content, attachment["mimetype"])
        else:
            mail.attach(attachment["filename"], content, attachment["mimetype"])
    return mail


def deliver(pk) -> bool:
    """Send one row unless it was sent already; True when this call sent it."""
    if not _draw(pk):
        return False
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, sent_at__isnull=True)
            .first()
        )
        if message is None:
            return False  # sent already, or another worker is sending it right now
        mail = _as_mail(message)
        message.attempts += 1
        try:
            mail.send()
        except Exception as error:  # noqa: BLE001 - any transport error: keep the row for a retry
            logger.warning("Outbox message %s not sent: %s", message.pk, error)
            message.last_error = str(error)[:2000]
            message.save(update_fields=["attempts", "last_error"])
            return False
        message.sent_at = timezone.now()
        message.last_error = ""
        fields = ["attempts", "last_error", "sent_at"]
        if message.key.startswith(HANDED_OVER):
            # allauth's mails hold live links (a password reset, a confirmation): sent, the
            # row keeps who, what subject and when, not a key to someone's account.
            message.text, message.html, message.attachments = "", "", []
            fields += ["text", "html", "attachments"]
        message.save(update_fields=fields)
        return True


def deliver_pending(max_attempts=10, stopping=lambda: False) -> int:
    """Send every row not sent yet; `stopping()` is asked before each, so a stopped sender
    (send_outbox on SIGTERM) ends between two mails, never inside one."""
    pending = OutboxMessage.objects.filter(sent_at__isnull=True, attempts__lt=max_attempts)
    sent = 0
    for pk in list(pending.values_list("pk", flat=True)):
        if stopping():
            break
        sent += deliver(pk)
    return sent
