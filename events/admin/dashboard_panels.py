"""The organisers' panels on the admin dashboard: the meetings coming up with their places
(confirmed of capacity, waiting), and the latest registrations. Only for who may see
registrations (events.permissions); one query each, however many meetings are stored (and
the latest registrations one row in the audit log, as they name attendees)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from events.models import AuditAction, EventPage, Registration

from . import audit
from .links import url

UPCOMING_SHOWN = 8
RECENT_SHOWN = 10


class UpcomingMeetingsPanel(Component):
    name = "komende_activiteiten"
    order = 60
    template_name = "events/admin/dashboard_komend.html"

    def get_context_data(self, parent_context=None):
        meetings = list(
            EventPage.objects.live()
            .upcoming(timezone.now())
            .with_counts()
            .only("title", "start", "end", "capacity", "status")[:UPCOMING_SHOWN]
        )
        for meeting in meetings:
            meeting.registrations_url = url("registrations", meeting.pk)
        return {"meetings": meetings, "all_url": url("index")}


class RecentRegistrationsPanel(Component):
    name = "recente_aanmeldingen"
    order = 70
    template_name = "events/admin/dashboard_recent.html"

    def get_context_data(self, parent_context=None):
        recent = list(
            Registration.objects.select_related("event")
            .only("name", "organisation_name", "status", "created_at", "event__title")
            .order_by("-created_at", "-pk")[:RECENT_SHOWN]
        )
        for registration in recent:
            registration.registrations_url = url("registrations", registration.event_id)
        if recent and parent_context and parent_context.get("request"):
            # Names of attendees, seen: in the audit log like every other view of them.
            audit.record(
                parent_context["request"],
                AuditAction.BEKEKEN,
                _("dashboard: recente aanmeldingen"),
            )
        return {"registrations": recent}
