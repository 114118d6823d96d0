"""A message to all confirmed attendees: write, preview, send once.

The preview form carries a token; sending creates the AttendeeMessage with that token and
queues one outbox mail per attendee keyed by message and registration. A second submit of
the same form finds the message and queues nothing, and the outbox would refuse a
duplicate key anyway.
"""

import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.log_actions import log

from events.mail import page_url, when
from events.models import AttendeeMessage, Registration
from leerhuis.core.outbox import queue

from .access import MANAGE, VIEW, EventMixin
from .forms import MessageForm
from .views import MeetingPageMixin, url

MAIL_TEMPLATE = "events/admin/bericht_mail"
LOG_ACTION = "events.bericht"


def recipients(event):
    return event.registrations.confirmed().exclude(email="").order_by("pk")


def mail_context(event, subject, body):
    """What every copy shares; each adds its `registration` (the name in the greeting)."""
    return {
        "event": event,
        "subject": subject,
        "body": body,
        "page_url": page_url(event),
        "when": when(event.start, event.end),
    }


def send_to_attendees(event, sender, subject, body, token):
    """Queue the message for every confirmed attendee; (message, created).

    The same token never sends twice: the second call returns the first message.
    """
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        try:
            with transaction.atomic():
                message = AttendeeMessage.objects.create(
                    event=event, sender=sender, subject=subject, body=body, token=token
                )
        except IntegrityError:
            # Two submits at once: the other one holds (or held) this token.
            return AttendeeMessage.objects.get(token=token), False
        people = list(recipients(event))
        shared = mail_context(event, subject, body)
        for registration in people:
            queue(
                f"bericht:{message.pk}:{registration.pk}",
                registration.email,
                subject,
                MAIL_TEMPLATE,
                {**shared, "registration": registration},
            )
        message.recipient_count = len(people)
        message.save(update_fields=["recipient_count"])
        log(
            instance=event,
            action=LOG_ACTION,
            user=sender,
            data={"subject": subject, "count": len(people)},
        )
    return message, True


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
        with translation.override(settings.LANGUAGE_CODE):
            context = {**mail_context(self.event, subject, body), "registration": example}
            text = render_to_string(f"{MAIL_TEMPLATE}.txt", context)
            html = render_to_string(f"{MAIL_TEMPLATE}.html", context)
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
        message, created = send_to_attendees(
            self.event, request.user, data["subject"], data["body"], data["token"]
        )
        if created:
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
