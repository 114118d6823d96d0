"""The row locks every verb takes before it counts.

Call these as `locking.lock_event(pk)` (through the module), so a test can put an unlocked
read in their place and show that the race is real without them.
"""

from events.models import EventPage, Registration


def lock_event(pk):
    """The meeting, read under a row lock held until the transaction ends."""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=pk)


def lock_registration(pk):
    return Registration.objects.select_for_update().select_related("event").get(pk=pk)
