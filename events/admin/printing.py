"""Paper for the door: the presentielijst and name badges of everyone confirmed.

Plain HTML pages with a print stylesheet, outside the admin's layout, so the browser's
print command gives clean sheets.
"""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from events.models import AuditAction

from .access import EventMixin
from .audit import AuditedMixin
from .links import url


class PrintView(EventMixin, AuditedMixin, TemplateView):
    audit_action = AuditAction.AFGEDRUKT

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            event=self.event,
            registrations=self.event.registrations.confirmed().order_by("name", "pk"),
            back_url=url("registrations", self.event.pk),
            **kwargs,
        )


class AttendanceListView(PrintView):
    template_name = "events/admin/presentielijst.html"
    audit_what = _("presentielijst")


class BadgesView(PrintView):
    template_name = "events/admin/naambadges.html"
    audit_what = _("naambadges")
