"""What the sign-up views answer and send, for test_registration_views_*.py."""

from django.core import mail


def subjects():
    return [message.subject for message in mail.outbox]


def text(response):
    return response.content.decode()
