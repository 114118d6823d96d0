"""A calendar made after the roles migration (a new site, the demo loader, a test) gives
its meetings to Evenementen at once."""

from django.apps import apps
from django.db.models.signals import post_save

from leerhuis.staff.setup import grant_calendar


def calendar_created(sender, instance, created, raw=False, **kwargs):
    """post_save of EventIndexPage: the role Evenementen may add, edit and publish the
    meetings below a new calendar."""
    if created and not raw:
        grant_calendar(apps, instance)


def connect():
    from events.models import EventIndexPage

    post_save.connect(calendar_created, sender=EventIndexPage, dispatch_uid="staff_calendar")
