"""What happens when an organiser publishes a meeting, and when someone leaves a group
(wired by EventsConfig.ready()).

The receivers only hand over to the verbs in events/services/ (changes.py; cancel, through
events/group_places.py).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from events import group_places
from events.models import EventPage, ExternalLearning
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


def remove_proof(sender, instance, **kwargs):
    """post_delete for ExternalLearning (deleted by its owner, or with the account): the
    proof document goes from storage too, once the deletion is committed."""
    if instance.proof:
        storage, name = instance.proof.storage, instance.proof.name
        transaction.on_commit(lambda: storage.delete(name))


def connect():
    """Wire the signals of events/ (called from EventsConfig.ready)."""
    page_published.connect(publish_event, sender=EventPage, dispatch_uid="events.publish")
    post_save.connect(record_schedule, sender=EventPage, dispatch_uid="events.record_schedule")
    post_delete.connect(remove_proof, sender=ExternalLearning, dispatch_uid="events.remove_proof")
    left_group.connect(group_places.withdraw, dispatch_uid="events.group_places")
