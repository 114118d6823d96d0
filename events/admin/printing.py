"""Paper for the door: the presentielijst and name badges of everyone confirmed.

Plain HTML pages with a print stylesheet, outside the admin's layout, so the browser's
print command gives clean sheets.
"""

from django.views.generic import TemplateView

from .access import EventMixin
from .links import url


class PrintView(EventMixin, TemplateView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(
            event=self.event,
            registrations=self.event.registrations.confirmed().order_by("name", "pk"),
            back_url=url("registrations", self.event.pk),
            **kwargs,
        )


class AttendanceListView(PrintView):
    template_name = "events/admin/presentielijst.html"


class BadgesView(PrintView):
    template_name = "events/admin/naambadges.html"
