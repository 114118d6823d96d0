"""Retention (AVG): what the privacy register promises to delete, deleted.

`manage.py apply_retention` runs daily from cron and calls every job registered under the
Wagtail hook `retention_jobs`: core's own (sent mails, ended sessions) and those of the apps
whose data has a period (events: registration answers, the audit log). A job is
``fn(now) -> (label, count)``, reads its period from the settings the register
(leerhuis/core/privacy_register.py) shows, and is safe to run twice: what is gone stays gone.
Jobs run by hook rather than by import, so core knows no app above it.
"""

import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils import timezone
from wagtail import hooks

from leerhuis.core.models import OutboxMessage

HOOK = "retention_jobs"


def before(now, setting):
    return now - datetime.timedelta(days=getattr(settings, setting))


def apply(now=None):
    """Run every retention job; [(label, how many removed)] in hook order."""
    now = now or timezone.now()
    return [fn(now) for fn in hooks.get_hooks(HOOK)]


def purge_outbox(now):
    """Sent mails after OUTBOX_RETENTION_DAYS; a mail never sent goes the same time after it
    was written (a reminder for a meeting long past helps nobody)."""
    cutoff = before(now, "OUTBOX_RETENTION_DAYS")
    old = OutboxMessage.objects.filter(
        Q(sent_at__lt=cutoff) | Q(sent_at__isnull=True, created_at__lt=cutoff)
    )
    removed, _ = old.delete()
    return "verstuurde e-mails", removed


def purge_sessions(now):
    """Expired sessions (Django's clearsessions), and allauth's row per session (IP address,
    browser) once its session is gone, by logout elsewhere or by expiry."""
    from allauth.usersessions.models import UserSession

    # A row seen just now may belong to a login still on its way to the store.
    settled = UserSession.objects.filter(last_seen_at__lt=now - datetime.timedelta(minutes=10))
    if settings.SESSION_ENGINE.endswith("db"):
        expired, _ = Session.objects.filter(expire_date__lt=now).delete()
        ended = settled.exclude(session_key__in=Session.objects.values("session_key"))
    else:
        # Sessions live elsewhere (cache, signed cookies): the store clears its own, and
        # each row asks it whether its session is still there.
        import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
        expired = 0
        gone = [s.pk for s in settled if not s.exists()]
        ended = UserSession.objects.filter(pk__in=gone)
    removed, _ = ended.delete()
    return "sessies", expired + removed
