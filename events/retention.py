"""Retention of meeting data (AVG), run by `manage.py apply_retention` through the hook
`retention_jobs` (leerhuis/core/retention.py); the periods are the settings the privacy
register shows on /privacy/.

- Dietary and accessibility answers: EVENTS_ANSWERS_RETENTION_DAYS after the meeting ends.
- Invitations to take over a place (a colleague's address): INVITATION_RETENTION_DAYS after
  they expired, whatever became of them.
- The audit log (who viewed, exported or mailed attendee data) and the history of each
  registration in Wagtail's log (checked in, place given): AUDIT_LOG_RETENTION_DAYS.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from events.models import AuditEntry, PlaceInvitation, Registration
from leerhuis.core.retention import before


def purge_answers(now):
    """Blank the answers of registrations whose meeting ended more than the retention
    period ago; returns how many registrations were purged (each only once)."""
    cutoff = before(now, "EVENTS_ANSWERS_RETENTION_DAYS")
    due = Registration.objects.filter(event__end__lt=cutoff, answers_purged_at__isnull=True)
    return "antwoorden bij aanmeldingen", due.update(
        dietary="", accessibility="", answers_purged_at=now
    )


def purge_audit_log(now):
    cutoff = before(now, "AUDIT_LOG_RETENTION_DAYS")
    viewed, _ = AuditEntry.objects.filter(at__lt=cutoff).delete()
    history, _ = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Registration), timestamp__lt=cutoff
    ).delete()
    return "logboek aanmeldingen", viewed + history


def purge_invitations(now):
    cutoff = before(now, "INVITATION_RETENTION_DAYS")
    removed, _ = PlaceInvitation.objects.filter(expires_at__lt=cutoff).delete()
    return "uitnodigingen voor een plaats", removed
