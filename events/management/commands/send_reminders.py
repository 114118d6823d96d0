"""Reminders two days before a meeting; run hourly from cron.

The outbox key of a reminder names the registration and the meeting's start, so a second
run sends nothing again, and a meeting that moves gets a reminder for its new date.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from events import mail
from events.models import EventStatus, Registration

AHEAD = datetime.timedelta(days=2)


def due_registrations(now):
    """Confirmed places at live, not cancelled meetings that start within two days.

    Whoever got their place when the meeting was already that close had every detail in
    the confirmation a moment ago, and is left out.
    """
    return (
        Registration.objects.confirmed()
        .filter(event__live=True, event__start__gt=now, event__start__lte=now + AHEAD)
        .exclude(event__status=EventStatus.GEANNULEERD)
        .exclude(email="")
        .filter(Q(confirmed_at__isnull=True) | Q(confirmed_at__lt=F("event__start") - AHEAD))
        .select_related("event", "event__contact_person")
        .order_by("event__start", "pk")
    )


class Command(BaseCommand):
    help = (
        "Stuur herinneringen voor activiteiten die binnen twee dagen beginnen "
        "(veilig om vaak te draaien)."
    )

    def handle(self, *args, **options):
        queued = 0
        for registration in due_registrations(timezone.now()):
            with transaction.atomic():
                result = mail.reminder(registration)
            queued += bool(result and result[1])
        self.stdout.write(f"{queued} herinnering(en) klaargezet.")
