"""Mijn Leerhuis: the section "Mijn ontwikkeling" (this year's hours and points, the goal's
progress, the way to the whole record). EventsConfig.ready imports this module to register
the hook.

The section reads the same record_for as the record page, so the two never disagree; it
costs the same queries with or without meetings (see record_for).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from members.dashboard import SECTIONS_HOOK, Section

from .record import record_for


@hooks.register(SECTIONS_HOOK)
def development_section(request):
    if not request.user.is_authenticated:
        return None
    return Section(
        title=_("Mijn ontwikkeling"),
        template="events/dashboard/ontwikkeling.html",
        context={"record": record_for(request.user, timezone.localdate().year)},
        order=20,
        slug="ontwikkeling",
    )
