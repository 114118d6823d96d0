"""What happens when an organiser publishes a meeting, and when someone leaves a group
(wired by EventsConfig.ready()).

The receivers only hand over to the verbs in events/services/ (changes.py; cancel, through
events/group_places.py).
"""

from django.db.models.signals import post_save
from wagtail.signals import page_published

from events import group_places
from events.models import EventPage
from members.groups import left_group


def publish_event(sender, instance, **kwargs):
    """page_published for EventPage: registrants hear what changed (services.publish_changes)."""
    from events import services

    published = services.publish_changes(instance)
    instance.sequence, instance.schedule = published.sequence, published.schedule


def record_schedule(sender, instance, created, raw=False, **kwargs):
    """post_save for EventPage: a meeting made live in code starts with its schedule."""
    from events import services

    if created and not raw:
        services.record_schedule(instance)


def connect():
    """Wire the signals of events/ (called from EventsConfig.ready)."""
    page_published.connect(publish_event, sender=EventPage, dispatch_uid="events.publish")
    post_save.connect(record_schedule, sender=EventPage, dispatch_uid="events.record_schedule")
    left_group.connect(group_places.withdraw, dispatch_uid="events.group_places")
