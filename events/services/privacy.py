"""When an account goes: its registrations stay (a meeting's figures and the invoices must
add up) without a person in them, and its upcoming places go to whoever waits."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import ModelLogEntry

from events.models import PlaceInvitation, Registration

from .registration import cancel

ANONYMOUS_NAME = gettext_lazy("Verwijderd account")


def anonymise_registrations(user, *, now=None):
    """Blank the personal fields of `user`'s registrations, then cancel the upcoming ones.

    Blanking comes first, so the cancellations mail nobody: the outbox keeps no new copy of
    an address that is being deleted. The organisers' log keeps its entries, without the
    name in their label.
    """
    now = now or timezone.now()
    with transaction.atomic():
        mine = Registration.objects.filter(user=user)
        mine.update(
            name=str(ANONYMOUS_NAME),
            email="",
            dietary="",
            accessibility="",
            billing_email="",
            on_attendee_list=False,
        )
        # Whoever handed their place to this user has the user's name in the reason.
        Registration.objects.filter(replaced_by__user=user).update(
            cancel_reason=_("overgedragen aan een collega")
        )
        # Invitations to take over a place hold a colleague's address: those this user sent
        # and those sent to any address of theirs go with the account.
        addresses = [user.email, *user.emailaddress_set.values_list("email", flat=True)]
        invited = Q(registration__user=user)
        for address in filter(None, addresses):
            invited |= Q(email__iexact=address)
        PlaceInvitation.objects.filter(invited).delete()
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Registration),
            object_id__in=[str(pk) for pk in mine.values_list("pk", flat=True)],
        ).update(label=str(ANONYMOUS_NAME))
        # In meeting order, as book_track locks them: two transactions never wait on each other.
        for registration in mine.active().filter(event__start__gt=now).order_by("event_id"):
            cancel(registration, None, now=now, reason=_("account verwijderd"), by_system=True)
