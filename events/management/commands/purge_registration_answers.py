"""Retention (AVG): dietary and accessibility answers go a while after the meeting.

settings.EVENTS_ANSWERS_RETENTION_DAYS says how long they stay. `manage.py apply_retention`
does this and the other retention jobs at once; this command remains for existing crontabs.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from events import retention


def purge_answers(now=None):
    """How many registrations had their answers blanked (each only once)."""
    return retention.purge_answers(now or timezone.now())[1]


class Command(BaseCommand):
    help = (
        "Verwijder dieetwensen en toegankelijkheidsantwoorden van aanmeldingen voor activiteiten "
        "die langer dan EVENTS_ANSWERS_RETENTION_DAYS dagen geleden zijn afgelopen."
    )

    def handle(self, *args, **options):
        purged = purge_answers()
        self.stdout.write(f"Antwoorden van {purged} aanmelding(en) verwijderd.")
