"""Check-in at the door: one page per meeting that works on a phone.

Organisers find a person by name or organisation, or take the code from a ticket (scanned
by the phone's camera where the browser can, typed otherwise), and tap once to mark them
present; the same button undoes it. Every form is a plain POST that redirects back, so the
page works without JavaScript; static/js/inchecken.js sends the same forms with fetch and
asks for JSON (answer()), so nothing reloads. The registrations report uses the same
endpoint and script for its presence column.

The decision itself is services.check_in (rights, the day, a confirmed place, the log);
this module only finds the place. A code of another meeting is refused here, with a word on
which meeting it belongs to, so nobody is marked present at the wrong door.
"""

from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages

from events import services
from events.models import Registration, RegistrationStatus
from events.models.queries import present_count
from events.models.tickets import normalise_code

from .access import MANAGE, VIEW, EventMixin
from .audit import AuditedMixin
from .links import url
from .views import MeetingPageMixin


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def presence_counts(event):
    """Aanwezig and bevestigd, in one query: the running count at the door."""
    return event.registrations.aggregate(
        bevestigd=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        aanwezig=present_count(),
    )


def answer(event, message, registration=None, *, ok=True):
    """What the script gets: the message to announce, the place's new state, the counts.
    A refusal is a 409 with the service's Dutch message."""
    data = {"ok": ok, "message": message, "counts": presence_counts(event)}
    if registration is not None:
        moment = registration.checked_in_at
        data["registration"] = {
            "id": registration.pk,
            "name": registration.name,
            "present": moment is not None,
            "time": date_format(timezone.localtime(moment), "H:i") if moment else "",
        }
    return JsonResponse(data, status=200 if ok else 409)


def done_message(registration, present):
    if present:
        return gettext("%(name)s is aanwezig gemeld.") % {"name": registration.name}
    return gettext("%(name)s staat weer als niet aanwezig.") % {"name": registration.name}


class CheckInPageView(EventMixin, AuditedMixin, MeetingPageMixin, TemplateView):
    """GET: the confirmed places, filtered by ?q= (name, organisation) or ?code=."""

    required = (VIEW, MANAGE)
    page_title = _("Inchecken")
    template_name = "events/admin/inchecken.html"
    audit_what = _("inchecken")

    @cached_property
    def query(self):
        return self.request.GET.get("q", "").strip()[:100]

    @cached_property
    def code(self):
        return normalise_code(self.request.GET.get("code", ""))

    def places(self):
        places = self.event.registrations.confirmed().order_by("name", "pk")
        if self.code:
            return places.filter(ticket_code=self.code)
        if self.query:
            places = places.filter(
                Q(name__icontains=self.query) | Q(organisation_name__icontains=self.query)
            )
        return places

    def get_context_data(self, **kwargs):
        places = list(self.places())
        for place in places:
            place.check_in_url = url("check_in", self.event.pk, place.pk)
        return super().get_context_data(
            event=self.event,
            places=places,
            query=self.query,
            code=self.code,
            filtered=bool(self.query or self.code),
            counts=presence_counts(self.event),
            check_in_block=self.event.check_in_block(),
            page_url=url("checkin", self.event.pk),
            code_url=url("checkin_code", self.event.pk),
            back_url=url("registrations", self.event.pk),
            **kwargs,
        )


class CheckInCodeView(EventMixin, View):
    """POST a code from a ticket: mark that place present, if it is one of this meeting."""

    required = (VIEW, MANAGE)
    http_method_names = ["post"]

    def post(self, request, event_id):
        code = normalise_code(request.POST.get("code", ""))
        place = (
            Registration.objects.select_related("event").filter(ticket_code=code).first()
            if code
            else None
        )
        if place is None:
            return self.refuse(
                gettext("Deze code kennen we niet. Kijk of hij goed is overgenomen.")
            )
        if place.event_id != self.event.pk:
            other = place.event
            return self.refuse(
                gettext(
                    "Deze code hoort bij een andere activiteit (%(title)s, %(day)s). "
                    "Hier is niemand aanwezig gemeld."
                )
                % {
                    "title": other.title,
                    "day": date_format(timezone.localtime(other.start), "j F Y"),
                }
            )
        try:
            place = services.check_in(place, request.user, present=True)
        except services.RegistrationError as error:
            return self.refuse(error.message, place)
        message = done_message(place, True)
        if wants_json(request):
            return answer(self.event, message, place)
        messages.success(request, message)
        return redirect(f"{url('checkin', self.event.pk)}?code={code}")

    def refuse(self, message, place=None):
        if wants_json(self.request):
            return answer(self.event, message, place, ok=False)
        messages.error(self.request, message)
        return redirect(url("checkin", self.event.pk))
