"""Domain queries on meetings: what is coming, what is over, what a month holds."""

import datetime

from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce
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


def _count(prefix, **conditions):
    """COUNT of registrations meeting `conditions`: on a registration queryset as it is,
    from meetings through `prefix` ("registrations__")."""
    counted = prefix.removesuffix("__") or "pk"
    return models.Count(
        counted, filter=models.Q(**{f"{prefix}{key}": value for key, value in conditions.items()})
    )


def correlated_count(queryset, group_by):
    """A correlated COUNT(*) subquery of `queryset` (filtered on an OuterRef) per
    `group_by`, 0 when nothing matches: a count per row of a listing in the same query."""
    counted = queryset.order_by().values(group_by).annotate(n=models.Count("pk")).values("n")
    return Coalesce(models.Subquery(counted, output_field=models.IntegerField()), Value(0))


def count_expressions(prefix=""):
    """Places taken and people waiting, as aggregates (see _count for `prefix`)."""
    return {
        "confirmed_count": _count(prefix, status=RegistrationStatus.CONFIRMED),
        "waitlist_count": _count(prefix, status=RegistrationStatus.WAITLISTED),
    }


def present_count(prefix=""):
    """People marked present: checked in with a confirmed place."""
    return _count(prefix, status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False)


EventPageManager = PageManager.from_queryset(EventPageQuerySet)
