"""The daily summary (`manage.py send_community_summaries`, from cron once a day): per person,
one mail with the new posts in what they follow with "dagelijkse samenvatting".

"New" is since the follow's summarised_at (or since it was made): replies in a followed
thread, new threads in a followed theme or group, by others, shown, and only in threads the
person may still see (visible_to). The outbox key names the person and the day
(`samenvatting:<user id>:<date>`), so a second run that day sends nothing; the follows'
summarised_at moves to the moment of the run, so tomorrow starts where today ended.
Nothing new is no mail.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from leerhuis.community import follow_links
from leerhuis.community.models import Follow, Frequency, Post, Thread
from leerhuis.community.notify import excerpt
from leerhuis.community.services.following import summary_token
from leerhuis.core.formatting import absolute_url
from leerhuis.core.models import OutboxMessage
from leerhuis.core.outbox import queue
from members.access import visible_to

logger = logging.getLogger(__name__)

KEY = "samenvatting"
TEMPLATE = "community/mail/samenvatting"
MAX_ITEMS = 50


def key_for(user, day):
    return f"{KEY}:{user.pk}:{day.isoformat()}"


@dataclass
class Report:
    queued: int = 0
    nothing_new: int = 0
    failed: int = 0


def _wanted(follows):
    """Posts that count for these follows: each since its own last summary."""
    wanted = Q(pk__in=[])
    for follow in follows:
        since = follow.summarised_at or follow.created_at
        if follow.thread_id:
            wanted |= Q(thread_id=follow.thread_id, created_at__gt=since, is_opening=False)
        elif follow.thema_id:
            wanted |= Q(thread__themes=follow.thema_id, created_at__gt=since, is_opening=True)
        else:
            wanted |= Q(thread__group=follow.groep_id, created_at__gt=since, is_opening=True)
    return wanted


def new_posts(user, follows, now):
    """The posts for `user`'s summary, oldest first (one more than fits: is there more?)."""
    threads = visible_to(user, Thread.objects.shown()).values("pk")
    posts = (
        Post.objects.shown()
        .filter(_wanted(follows), thread__in=threads, created_at__lte=now)
        .exclude(author_id=user.pk)
        .select_related("thread", "author")
        .distinct()
        .order_by("thread_id", "created_at", "pk")
    )
    return list(posts[: MAX_ITEMS + 1])


def _item(post):
    return {
        "thread_title": post.thread.title,
        "is_opening": post.is_opening,
        "author": post.author.full_name if post.author_id else _("Iemand"),
        "excerpt": excerpt(post),
        "url": absolute_url(post.get_absolute_url()),
    }


def _queue(user, day, posts):
    stop_url = follow_links.stop_url(summary_token(user))
    subject = _("Samenvatting van je gesprekken in het Digitale Leerhuis")
    context = {
        "subject": subject,
        "name": user.full_name or user.email,
        "items": [_item(p) for p in posts[:MAX_ITEMS]],
        "has_more": len(posts) > MAX_ITEMS,
        "stop_url": stop_url,
        "settings_url": follow_links.settings_url(),
    }
    return queue(
        key_for(user, day),
        user.email,
        subject,
        TEMPLATE,
        context,
        headers=follow_links.one_click_headers(stop_url),
    )


def send_daily(now=None) -> Report:
    """Queue today's summary for everyone with a daily-summary follow; a Report."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    report = Report()
    follows = (
        Follow.objects.filter(frequency=Frequency.DAGELIJKS, user__is_active=True)
        .select_related("user")
        .order_by("user_id", "pk")
    )
    per_user = defaultdict(list)
    for follow in follows:
        per_user[follow.user_id].append(follow)
    written = set(
        OutboxMessage.objects.filter(
            key__startswith=f"{KEY}:", key__endswith=f":{day.isoformat()}"
        ).values_list("key", flat=True)
    )
    with translation.override(settings.LANGUAGE_CODE):
        for user_follows in per_user.values():
            user = user_follows[0].user
            if key_for(user, day) in written:
                continue
            try:
                with transaction.atomic():
                    posts = new_posts(user, user_follows, now)
                    if posts:
                        report.queued += _queue(user, day, posts)[1]
                    else:
                        report.nothing_new += 1
                    Follow.objects.filter(pk__in=[f.pk for f in user_follows]).update(
                        summarised_at=now
                    )
            except Exception:  # noqa: BLE001 - one person's mail must not stop the others
                logger.exception("Community summary for user %s not queued", user.pk)
                report.failed += 1
    return report
