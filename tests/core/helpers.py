"""Shared by the tests of the demo content, test_demo_*.py."""

from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from events.models import EventPage, Registration
from leerhuis.core.models import OutboxMessage


def calendar_snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        sorted(EventPage.objects.values_list("slug", "start", "end", "status", "capacity")),
        sorted(
            Registration.objects.values_list("event__slug", "email", "status", "price", "is_member")
        ),
        get_user_model().objects.count(),
        OutboxMessage.objects.count(),
        get_document_model().objects.count(),
    )
