"""Sending the weekmail: one outbox row per person per week, only when there is news.

The outbox key names the person and the ISO week the mail covers
(`weekly-digest:<user>:2026-W07`), so a second run in the same week, a run on two machines
or a retry after a crash sends nothing twice; next week has a new key. The keys already
written for the week are read once, so a second run costs one query, not one per person.

Per person the cost is fixed: their membership (for the access policy), one query per
section and the outbox row, however many items there are. A person whose mail fails to
build is logged and left for the next run that week; the others still get theirs.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from leerhuis.core import digest
from leerhuis.core.models import OutboxMessage
from leerhuis.core.outbox import queue
from leerhuis.knowledge.models import DigestSubscription

from . import links

logger = logging.getLogger(__name__)

KEY = "weekly-digest"
TEMPLATE = "knowledge/mail/weekmail"


def key_for(user, period):
    return f"{KEY}:{user.pk}:{period.label}"


def _written_keys(period):
    return set(
        OutboxMessage.objects.filter(
            key__startswith=f"{KEY}:", key__endswith=f":{period.label}"
        ).values_list("key", flat=True)
    )


def headers_for(unsubscribe_url):
    """RFC 2369 and RFC 8058: mail programs offer 'afmelden' and unsubscribe with one POST
    to the same address, without the person opening a page."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def queue_for(user, period, sections):
    unsubscribe_url = links.unsubscribe_url(user)
    subject = _("Nieuw in het Digitale Leerhuis: %(period)s") % {"period": period.description}
    context = {
        "subject": subject,
        "name": user.full_name or user.email,
        "period": period,
        "sections": sections,
        "unsubscribe_url": unsubscribe_url,
        "settings_url": links.settings_url(),
    }
    return queue(
        key_for(user, period),
        user.email,
        subject,
        TEMPLATE,
        context,
        headers=headers_for(unsubscribe_url),
    )


@dataclass
class Report:
    period: digest.Period
    queued: int = 0
    nothing_new: int = 0
    failed: int = 0


def send_weekly(now=None):
    """Queue the weekmail of the week before `now` for everyone who gets it; a Report."""
    with translation.override(settings.LANGUAGE_CODE):
        period = digest.Period.week_before(now)
        report = Report(period)
        written = _written_keys(period)
        subscriptions = DigestSubscription.objects.receiving().select_related("user")
        for subscription in list(subscriptions.order_by("pk")):
            user = subscription.user
            if key_for(user, period) in written:
                continue
            try:
                sections = digest.sections_for(user, period)
                if not sections:
                    report.nothing_new += 1
                    continue
                report.queued += queue_for(user, period, sections)[1]
            except Exception:  # noqa: BLE001 - one person's mail must not stop the others
                logger.exception("Weekmail for user %s not queued", user.pk)
                report.failed += 1
        return report
