"""What organisers do to one registration: check in, give a place, cancel.

Each calls its verb in events/services.py, which locks and checks; a refusal comes back as
the service's Dutch message above the report.
"""

from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request

from events import services
from events.services import RegistrationError

from .access import MANAGE, VIEW, EventMixin
from .checkin import answer, done_message, wants_json
from .forms import CancelForm
from .links import url
from .views import MeetingPageMixin


class RegistrationActionView(EventMixin, View):
    required = (VIEW, MANAGE)
    http_method_names = ["post"]

    def back(self):
        return redirect(
            get_valid_next_url_from_request(self.request) or url("registrations", self.event.pk)
        )

    def post(self, request, event_id, pk):
        registration = self.get_registration(pk)
        try:
            done = self.act(registration)
        except RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, done)
        return self.back()


class CheckInView(RegistrationActionView):
    """Sets presence to what the button said (not a blind flip): a double click does it once.
    Asked for JSON (static/js/inchecken.js), it answers without a redirect (checkin.answer).
    """

    def post(self, request, event_id, pk):
        if request.POST.get("aanwezig") not in ("0", "1"):
            return HttpResponseBadRequest(gettext("Onbekende aanwezigheid."))
        if not wants_json(request):
            return super().post(request, event_id, pk)
        registration = self.get_registration(pk)
        try:
            message = self.act(registration)
        except RegistrationError as error:
            return answer(self.event, error.message, registration, ok=False)
        return answer(self.event, message, self.done)

    def act(self, registration):
        present = self.request.POST["aanwezig"] == "1"
        self.done = services.check_in(registration, self.request.user, present=present)
        return done_message(registration, present)


class PromoteView(RegistrationActionView):
    def act(self, registration):
        services.promote(registration, self.request.user)
        return gettext("%(name)s heeft een plaats gekregen en krijgt daarover een mail.") % {
            "name": registration.name
        }


class CancelView(MeetingPageMixin, RegistrationActionView):
    """Asks first (with an optional reason), then cancels; the person gets the usual mail."""

    http_method_names = ["get", "post"]
    template_name = "events/admin/cancel.html"
    page_title = _("Afmelden")

    def get(self, request, event_id, pk):
        registration = self.get_registration(pk)
        if not registration.is_active:
            messages.error(request, gettext("Deze aanmelding is al afgemeld."))
            return self.back()
        return self.render(registration, CancelForm())

    def post(self, request, event_id, pk):
        registration = self.get_registration(pk)
        if not registration.is_active:
            messages.error(request, gettext("Deze aanmelding is al afgemeld."))
            return self.back()
        form = CancelForm(request.POST)
        if not form.is_valid():
            return self.render(registration, form)
        try:
            services.cancel(registration, request.user, reason=form.cleaned_data["reason"])
        except RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                gettext("De aanmelding van %(name)s is afgemeld.") % {"name": registration.name},
            )
        return self.back()

    def render(self, registration, form):
        return self.render_to_response(
            self.get_context_data(
                registration=registration,
                form=form,
                next=get_valid_next_url_from_request(self.request),
                back_url=url("registrations", self.event.pk),
            )
        )
