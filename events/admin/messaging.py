"""A message to all confirmed attendees: write, preview, send once.

The preview form carries a token, which services.message_attendees uses to send each
message once, however often the form is submitted.
"""

import uuid

from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages

from events import mail, services
from events.models import AuditAction, Registration

from .access import MANAGE, VIEW, EventMixin
from .audit import record
from .forms import MessageForm
from .links import url
from .views import MeetingPageMixin


def recipients(event):
    return event.registrations.reachable().order_by("pk")


class MessageView(EventMixin, MeetingPageMixin, TemplateView):
    """GET: the form. POST: the preview, or the form again with its errors."""

    required = (VIEW, MANAGE)
    page_title = _("Bericht aan deelnemers")
    template_name = "events/admin/bericht.html"
    preview_template_name = "events/admin/bericht_voorbeeld.html"
    http_method_names = ["get", "post"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            event=self.event,
            count=recipients(self.event).count(),
            back_url=url("registrations", self.event.pk),
            action_url=url("message", self.event.pk),
            send_url=url("message_send", self.event.pk),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=MessageForm()))

    def post(self, request, *args, **kwargs):
        form = MessageForm(request.POST)
        if "aanpassen" in request.POST or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        token = data["token"] or uuid.uuid4()
        return self.preview(data["subject"], data["body"], token)

    def preview(self, subject, body, token):
        example = recipients(self.event).first() or Registration(
            event=self.event, name=gettext("naam van de deelnemer")
        )
        text, html = mail.render_attendee_message(self.event, subject, body, example)
        # The form's fields go along hidden, so "aanpassen" and "versturen" post the same.
        form = MessageForm(initial={"subject": subject, "body": body, "token": token})
        return self.response_class(
            request=self.request,
            template=[self.preview_template_name],
            context=self.get_context_data(
                form=form,
                subject=subject,
                text=text,
                html=html,
            ),
        )


class SendMessageView(MessageView):
    """POST from the preview: send (once), then back to the report with the count."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = MessageForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        if data["token"] is None:
            return HttpResponseBadRequest(
                gettext("Bekijk het bericht eerst voordat je het verstuurt.")
            )
        if not recipients(self.event).exists():
            messages.error(request, gettext("Er zijn geen bevestigde deelnemers om te mailen."))
            return redirect(url("registrations", self.event.pk))
        message, created = services.message_attendees(
            self.event, request.user, data["subject"], data["body"], data["token"]
        )
        if created:
            detail = f"{message.recipient_count}: {message.subject}"
            record(request, AuditAction.BERICHT, _("bericht aan deelnemers"), self.event, detail)
            messages.success(
                request,
                gettext("Het bericht is verstuurd naar %(count)d deelnemers.")
                % {"count": message.recipient_count},
            )
        else:
            messages.info(
                request, gettext("Dit bericht was al verstuurd; het is niet opnieuw verstuurd.")
            )
        return redirect(url("registrations", self.event.pk))
