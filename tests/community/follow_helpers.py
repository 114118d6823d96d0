"""Shared by the follow and notification tests: people, threads, themes, groups, and the
mails the outbox holds."""

from leerhuis.community.models import Follow, Frequency
from leerhuis.core.models import OutboxMessage
from leerhuis.core.themes import Thema
from members.access import Visibility
from tests.community_factories import FollowFactory, GroepFactory, GroepslidFactory, ThreadFactory
from tests.events_factories import guest, member  # noqa: F401 (shared with the tests)

ONE_CLICK = "List-Unsubscribe=One-Click"


def thema(name="Opgave-sturing"):
    return Thema.objects.named(name)[0]


def group_with(*members, **fields):
    groep = GroepFactory(**fields)
    for user in members:
        GroepslidFactory(groep=groep, user=user)
    return groep


def group_thread(groep, **fields):
    return ThreadFactory(visibility=Visibility.GROUP, group=groep, **fields)


def follows(user, subject, frequency=Frequency.DIRECT, **fields):
    field = {"Thread": "thread", "Thema": "thema", "Groep": "groep"}[type(subject).__name__]
    return FollowFactory(user=user, frequency=frequency, **{field: subject}, **fields)


def mails():
    return OutboxMessage.objects.order_by("pk")


def mails_to(user):
    return list(mails().filter(to=user.email))


def keys():
    return sorted(mails().values_list("key", flat=True))


def reload(follow):
    return Follow.objects.get(pk=follow.pk)
