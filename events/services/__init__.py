"""The verbs of signing up and running a meeting, one module per concern.

Each verb runs in one transaction that first locks the meeting row (locking.lock_event),
then decides by the meeting's own rules (events/models/rules.py), writes, and queues its
mail in the same transaction. Two people racing for the last place queue on that lock and
the second one sees the first one's registration. SQLite has no row locks; its IMMEDIATE
transactions queue writers for the whole database instead (settings.SQLITE_OPTIONS).

Stuur een collega (colleague.py) is an invitation first; the place passes when it is
accepted. Views, signals, hooks and the admin call these; none of them changes a
registration itself.
"""

from .base import Answers, RegistrationError, person_fields
from .changes import publish_changes, record_schedule
from .checkin import check_in
from .colleague import accept_invitation, decline_invitation, invite_colleague, withdraw_invitation
from .messaging import message_attendees
from .privacy import anonymise_registrations
from .registration import cancel, register
from .tracks import book_track
from .waitinglist import PROMOTION_CUTOFF, promote, promote_waitlist

__all__ = [
    "PROMOTION_CUTOFF",
    "Answers",
    "RegistrationError",
    "accept_invitation",
    "anonymise_registrations",
    "book_track",
    "cancel",
    "check_in",
    "decline_invitation",
    "invite_colleague",
    "message_attendees",
    "person_fields",
    "promote",
    "promote_waitlist",
    "publish_changes",
    "record_schedule",
    "register",
    "withdraw_invitation",
]
