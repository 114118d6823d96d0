"""Who may see registrations, and who may act on them.

Personal data (names, addresses, answers) need events.view_attendees; checking in,
promoting, cancelling and mailing need events.manage_attendees as well, since every one of
those acts on a list the organiser has to see. Superusers have both.
"""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from events.models import EventPage

VIEW = "events.view_attendees"
MANAGE = "events.manage_attendees"


def may_view(user):
    return user.has_perm(VIEW)


def may_manage(user):
    return user.has_perm(VIEW) and user.has_perm(MANAGE)


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
