"""What organisers (and the site) do to someone's place is written in Wagtail's log: who,
when, what. An undone check-in stays in the history as two entries."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

CHECK_IN = "events.aanwezig"
CHECK_IN_UNDONE = "events.aanwezig_ongedaan"
PLACE_GIVEN = "events.plaats_gegeven"
PROMOTED = "events.doorgeschoven"
MESSAGE_SENT = "events.bericht"
# Stuur een collega (services/colleague.py).
COLLEAGUE_INVITED = "events.collega_uitgenodigd"
COLLEAGUE_WITHDRAWN = "events.collega_ingetrokken"
COLLEAGUE_DECLINED = "events.collega_afgeslagen"
HANDED_OVER = "events.overgedragen"

# Dutch labels for the admin's history; events/wagtail_hooks.py registers them.
LABELS = {
    CHECK_IN: _("Aanwezig gemeld"),
    CHECK_IN_UNDONE: _("Aanwezigheid ongedaan gemaakt"),
    PLACE_GIVEN: _("Plaats gegeven door de organisatie"),
    PROMOTED: _("Plaats gekregen van de wachtlijst"),
    COLLEAGUE_INVITED: _("Collega uitgenodigd om de plaats over te nemen"),
    COLLEAGUE_WITHDRAWN: _("Uitnodiging aan collega ingetrokken"),
    COLLEAGUE_DECLINED: _("Uitnodiging afgeslagen door collega"),
    HANDED_OVER: _("Plaats overgenomen door collega"),
}


def record(registration, action, by=None, **data):
    """One log entry about a registration, labelled with the person's name for the
    organisers' history (services.anonymise_registrations blanks it when the account goes);
    the meeting is in its data, so a meeting's history is one query."""
    return log(
        instance=registration,
        action=action,
        user=by,
        title=registration.name or str(registration.pk),
        data={"event": registration.event_id, "registration": registration.pk, **data},
    )
