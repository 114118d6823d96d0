"""Mail that is sent once: queue() writes an outbox row inside the caller's transaction and
hands it to a background task after commit; deliver() sends a row at most once.

Django's task API has no retries, so the row is the memory: a task that dies before sending
leaves the row unsent for `manage.py send_outbox` to pick up, and a row already sent is
never sent again.
"""

import base64
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from leerhuis.core.models import OutboxMessage

logger = logging.getLogger(__name__)


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
        transaction.on_commit(lambda: _enqueue(message.pk))
    return message, created


def _enqueue(pk):
    from leerhuis.core.tasks import send_outbox_message

    send_outbox_message.enqueue(pk)


def deliver(pk) -> bool:
    """Send one row unless it was sent already; True when this call sent it."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, sent_at__isnull=True)
            .first()
        )
        if message is None:
            return False  # sent already, or another worker is sending it right now
        mail = EmailMultiAlternatives(
            message.subject, message.text, to=[message.to], headers=message.headers or None
        )
        if message.html:
            mail.attach_alternative(message.html, "text/html")
        for attachment in message.attachments:
            content = attachment["content"]
            if attachment.get("encoding") == "base64":  # bytes (an image) in the JSON row
                content = base64.b64decode(content)
            mail.attach(attachment["filename"], content, attachment["mimetype"])
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
        message.save(update_fields=["attempts", "last_error", "sent_at"])
        return True


def deliver_pending(max_attempts=10) -> int:
    pending = OutboxMessage.objects.filter(sent_at__isnull=True, attempts__lt=max_attempts)
    return sum(deliver(pk) for pk in pending.values_list("pk", flat=True))
