"""Places at a group's meetings are for its members: whoever leaves the group, or is
removed from it, loses them (members.groups.left_group; wired by signals.connect()).

Each place goes through the ordinary verb services.cancel, so the person gets the usual
cancellation mail (with the calendar item's cancellation) and the first person waiting
moves up. Only meetings still to begin: a meeting under way or over keeps its attendance.
Rejoining restores nothing; the person signs up again like anyone else.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import EventStatus, Registration
from members.access import Visibility, in_group


def places_in(groep, user, now):
    """The person's active registrations (a place or on the waiting list) for the group's
    live meetings that have not begun yet."""
    return (
        Registration.objects.active()
        .filter(
            user=user,
            event__visibility=Visibility.GROUP,
            event__group=groep,
            event__live=True,
            event__start__gt=now,
        )
        .exclude(event__status=EventStatus.GEANNULEERD)
        .order_by("event__start", "pk")
    )


def withdraw(sender, groep, user, by=None, **kwargs):
    """left_group: cancel the places `user` held at `groep`'s meetings. Someone who may
    still see the meetings without the membership (staff) keeps them."""
    from events import services

    if user is None or in_group(user, groep.pk):
        return
    now = timezone.now()
    reason = _("Geen lid meer van de groep %(name)s") % {"name": groep.name}
    for registration in places_in(groep, user, now):
        services.cancel(registration, by or user, now=now, reason=reason, by_system=True)
