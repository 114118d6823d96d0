"""Domain queries on meetings: what is coming, what is over, what a month holds."""

import datetime

from django.db import models
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from .choices import RegistrationStatus


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Not yet over: a meeting that is running today still counts as upcoming."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def in_month(self, year, month):
        tz = timezone.get_current_timezone()
        first = datetime.datetime(year, month, 1, tzinfo=tz)
        after = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
        # Every meeting that touches the month, also one that started in the month before.
        return self.filter(start__lt=after, end__gt=first).order_by("start", "pk")

    def with_counts(self):
        """Confirmed and waiting counts as annotations, which MeetingRules reads instead of
        counting again: a listing of cards costs one query however many meetings."""
        return self.annotate(**count_expressions("registrations__"))


def count_expressions(prefix=""):
    """Places taken and people waiting as aggregates over registrations: on a registration
    queryset as it is, from meetings through `prefix` ("registrations__")."""
    counted = prefix.removesuffix("__") or "pk"

    def count(status):
        return models.Count(counted, filter=models.Q(**{f"{prefix}status": status}))

    return {
        "confirmed_count": count(RegistrationStatus.CONFIRMED),
        "waitlist_count": count(RegistrationStatus.WAITLISTED),
    }


def present_count(prefix=""):
    """People marked present (checked in with a confirmed place), counted like the above."""
    counted = prefix.removesuffix("__") or "pk"
    present = models.Q(
        **{f"{prefix}status": RegistrationStatus.CONFIRMED, f"{prefix}checked_in_at__isnull": False}
    )
    return models.Count(counted, filter=present)


EventPageManager = PageManager.from_queryset(EventPageQuerySet)
