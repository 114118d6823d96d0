"""Retention (AVG): dietary and accessibility answers go a while after the meeting.

Run daily from cron. settings.EVENTS_ANSWERS_RETENTION_DAYS says how long they stay.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import Registration


def purge_answers(now=None):
    """Blank the answers of registrations whose meeting ended more than the retention
    period ago; returns how many registrations were purged (each only once)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.EVENTS_ANSWERS_RETENTION_DAYS)
    due = Registration.objects.filter(event__end__lt=cutoff, answers_purged_at__isnull=True)
    return due.update(dietary="", accessibility="", answers_purged_at=now)


class Command(BaseCommand):
    help = (
        "Verwijder dieetwensen en toegankelijkheidsantwoorden van aanmeldingen voor activiteiten "
        "die langer dan EVENTS_ANSWERS_RETENTION_DAYS dagen geleden zijn afgelopen."
    )

    def handle(self, *args, **options):
        purged = purge_answers()
        self.stdout.write(f"Antwoorden van {purged} aanmelding(en) verwijderd.")
