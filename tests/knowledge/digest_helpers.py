"""Shared by the weekmail tests: a fixed week, things published in it, reading the mail."""

import datetime
import zoneinfo

from leerhuis.knowledge.digest.sections import CASE_KIND
from leerhuis.knowledge.models import ArticlePage, DigestSubscription
from tests.events_factories import EventPageFactory
from tests.knowledge_factories import article

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# Wednesday of ISO week 7 of 2026: its weekmail covers week 6, Monday 2 to Sunday 8 February.
NOW = datetime.datetime(2026, 2, 11, 10, 0, tzinfo=AMSTERDAM)
WEEK = "2026-W06"


def on(day, hour=12, month=2):
    """A moment in February 2026, Amsterdam time (2–8 is the week the mail covers)."""
    return datetime.datetime(2026, month, day, hour, 0, tzinfo=AMSTERDAM)


IN_WEEK = on(4)


def subscribe(*users):
    for user in users:
        DigestSubscription.switch(user, True)
    return users[0] if len(users) == 1 else users


def new_article(title, published=IN_WEEK, **fields):
    return article(title=title, first_published_at=published, **fields)


def new_case(title, published=IN_WEEK, **fields):
    """A praktijkcasus as the case page stores it: an article row of that kind."""
    page = new_article(title, published, **fields)
    ArticlePage.objects.filter(pk=page.pk).update(kind=CASE_KIND)
    return page


def new_meeting(title, published=IN_WEEK, in_days=21, **fields):
    start = NOW + datetime.timedelta(days=in_days)
    return EventPageFactory(
        title=title,
        first_published_at=published,
        start=start,
        end=start + datetime.timedelta(hours=3),
        **fields,
    )


def mail_to(outbox, user):
    [message] = [m for m in outbox if m.to == [user.email]]
    return message


def html_of(message):
    return message.alternatives[0][0]
