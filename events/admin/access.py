"""The admin's gate to registrations: the rule itself is events.permissions."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from events.models import EventPage
from events.permissions import MANAGE, VIEW
from events.permissions import may_manage_attendees as may_manage
from events.permissions import may_view_attendees as may_view

__all__ = ["MANAGE", "VIEW", "AttendeeAccessMixin", "EventMixin", "may_manage", "may_view"]


def forbidden(request):
    """A 403 in the admin's own layout, with a Dutch explanation.

    Wagtail turns a PermissionDenied into a redirect to the dashboard; personal data
    deserve a plain refusal instead.
    """
    return TemplateResponse(
        request,
        "events/admin/geen_toegang.html",
        {"page_title": _("Geen toegang"), "header_title": _("Geen toegang")},
        status=403,
    )


class AttendeeAccessMixin:
    """Refuses (403) anyone without the permissions in `required`, before any lookup."""

    required = (VIEW,)

    def user_may(self, user):
        return may_manage(user) if MANAGE in self.required else may_view(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may(request.user):
            return forbidden(request)
        self.prepare(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def prepare(self, **kwargs):
        """Look up what the URL names; only after the permission check."""


class EventMixin(AttendeeAccessMixin):
    """Views of one meeting: `event_id` in the URL, the page as `self.event`."""

    def prepare(self, **kwargs):
        self.event = get_object_or_404(EventPage, pk=kwargs["event_id"])

    def get_registration(self, pk):
        return get_object_or_404(self.event.registrations.all(), pk=pk)
