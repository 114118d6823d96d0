"""The activity calendar as a visitor reads it, for test_calendar_*.py."""

import datetime
import re
from html import unescape

from django.utils import timezone

from tests.events_factories import EventPageFactory, in_days
from tests.events_factories import themes as vocabulary

URL = "/activiteiten/"
CARD_TITLE = re.compile(r'class="event-card__title">\s*<a href="[^"]*">([^<]*)</a>')


def meeting(title, days=21, themes=(), **kwargs):
    """A live meeting `days` from today (10:00–16:00) carrying the given themes."""
    kwargs.setdefault("start", in_days(days, 10))
    kwargs.setdefault("end", kwargs["start"] + datetime.timedelta(hours=6))
    page = EventPageFactory(title=title, **kwargs)
    if themes:
        page.themes.add(*vocabulary(*themes))
        page.save()
    return page


def titles(response):
    assert response.status_code == 200
    return [unescape(t) for t in CARD_TITLE.findall(response.content.decode())]


def html(response):
    assert response.status_code == 200
    return unescape(response.content.decode())


def local(year, month, day, hour=10, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))
