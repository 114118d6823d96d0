"""Every mail of the site goes through the outbox, also the mails the site does not write
itself: allauth's (sign-up, password reset, notices), Wagtail's (workflow and moderation)
and Django's (mail_admins).

They are sent the Django way, `EmailMessage.send()`, which hands them to EMAIL_BACKEND.
That is this backend: it writes each message as an outbox row and hands the row to the
background task after the commit, as `outbox.queue()` does for the site's own mails. The
real transport (SMTP in production) is OUTBOX_EMAIL_BACKEND, used by `outbox.deliver()`
only. So a request that sends a mail writes two rows and never talks to the mail server:
a mail server that is down or slow fails no request, and what it did not take is sent by
`manage.py send_outbox` once it is back, each mail once. Once sent, such a row keeps its
addresses and subject but not its text: allauth's mails carry live reset and confirmation
links, which should not lie in the database afterwards.

A backend rather than an override in each sender: allauth, Wagtail and Django all end in
`send_messages()`, including what a later version adds.
"""

import base64
import logging
import uuid
from email.mime.base import MIMEBase

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from leerhuis.core import outbox
from leerhuis.core.models import OutboxMessage

logger = logging.getLogger(__name__)


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        written = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                row = store(message)
            except Exception:
                # Django's error mails (AdminEmailHandler) ask for silence: a mail about a
                # failure must not fail in turn; everyone else hears of it.
                if not self.fail_silently:
                    raise
                logger.exception("Mail niet in de outbox gezet: %s", message.subject)
                continue
            self.hand_on(row.pk)
            written += 1
        return written

    @staticmethod
    def hand_on(pk):
        """To the task once the row is committed: a rolled-back cause sends nothing.
        (The test suite replaces this: its transactions never commit; tests/conftest.py.)"""
        transaction.on_commit(lambda: outbox.enqueue(pk))


def store(message):
    """The message as an outbox row, everything `outbox.deliver()` needs to send it again."""
    to, cc, bcc = list(message.to), list(message.cc), list(message.bcc)
    reply_to = list(message.reply_to)
    first = (to or cc or bcc)[0]
    text, html, attachments = str(message.body), "", []
    if message.content_subtype == "html":
        text, html = "", text
    for content, mimetype in getattr(message, "alternatives", ()):
        if mimetype == "text/html" and not html:
            html = str(content)
        else:
            attachments.append({**_content(content), "mimetype": mimetype, "alternative": True})
    attachments += [_attachment(item) for item in message.attachments]
    envelope = {"to": to, "cc": cc, "bcc": bcc, "reply_to": reply_to}
    return OutboxMessage.objects.create(
        key=f"{outbox.HANDED_OVER}{uuid.uuid4().hex}",
        to=first,
        from_email=message.from_email or "",
        recipients={}
        if envelope == {"to": [first], "cc": [], "bcc": [], "reply_to": []}
        else envelope,
        subject=str(message.subject),
        text=text,
        html=html,
        attachments=attachments,
        headers={str(name): str(value) for name, value in message.extra_headers.items()},
    )


def _attachment(item):
    if isinstance(item, MIMEBase):
        return {
            "filename": item.get_filename() or "bijlage",
            "mimetype": item.get_content_type(),
            **_content(item.get_payload(decode=True) or b""),
        }
    filename, content, mimetype = item
    return {
        "filename": filename,
        "mimetype": mimetype or "application/octet-stream",
        **_content(content),
    }


def _content(content):
    """Text as it is; bytes (an image, a PDF) as base64, since the row is JSON."""
    if isinstance(content, bytes):
        return {"content": base64.b64encode(content).decode("ascii"), "encoding": "base64"}
    return {"content": str(content)}
