"""A message from the organisers to everyone with a confirmed place: sent once."""

from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from events import mail
from events.models import AttendeeMessage

from . import audit


def message_attendees(event, sender, subject, body, token):
    """Queue the message for every confirmed attendee with an address; (message, created).

    The token comes from the preview form: the same token never sends twice (a second
    submit, or two at once, returns the first message), and each copy is an outbox row
    keyed by message and registration.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                message = AttendeeMessage.objects.create(
                    event=event, sender=sender, subject=subject, body=body, token=token
                )
        except IntegrityError:
            return AttendeeMessage.objects.get(token=token), False
        people = list(event.registrations.reachable().order_by("pk"))
        for registration in people:
            registration.event = event
            mail.attendee_message(message, registration)
        message.recipient_count = len(people)
        message.save(update_fields=["recipient_count"])
        log(
            instance=event,
            action=audit.MESSAGE_SENT,
            user=sender,
            data={"subject": subject, "count": len(people)},
        )
    return message, True
