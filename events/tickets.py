"""Tickets: the QR code of a place, the ticket address it carries, and the owner's
printable ticket.

The QR code holds an address on this site (/activiteiten/ticket/<code>/), so any phone
camera opens it. What that address shows depends on who opens it, never on the code alone:
an organiser who may manage attendees lands on the check-in of that place; the owner, logged
in, on their own ticket; anyone else on the same neutral page whether the code exists or not,
so reading someone's code (or guessing one) tells nothing.

QR codes are drawn here with `qrcode` (pure Python; allauth's two-step verification uses
it too): SVG for pages, as a data: image (CSP allows those for img), PNG (Pillow) for
mails.
Nothing is fetched from another host.
"""

import base64
import io

import qrcode
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from qrcode.image.pil import PilImage
from qrcode.image.svg import SvgPathImage

from events.models import Registration
from events.models.tickets import grouped, normalise_code
from events.permissions import may_manage_attendees
from leerhuis.core.formatting import absolute_url
from members.access import private


def ticket_url(code):
    return absolute_url(reverse("ticket", args=[code]))


def _qr(data, factory):
    # Level M survives a crease or a smudge on a printed ticket.
    return qrcode.make(
        data,
        image_factory=factory,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        box_size=10,
        border=4,
    )


def qr_svg_src(code):
    """The QR code of a ticket as an <img src=…> value."""
    svg = _qr(ticket_url(code), SvgPathImage).to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def qr_png(code):
    buffer = io.BytesIO()
    _qr(ticket_url(code), PilImage).save(buffer)
    return buffer.getvalue()


def mail_attachment(registration):
    """The QR code as a PNG for the confirmation mail (the outbox keeps bytes as base64)."""
    return {
        "filename": "ticket-qr-code.png",
        "mimetype": "image/png",
        "content": base64.b64encode(qr_png(registration.ticket_code)).decode(),
        "encoding": "base64",
    }


def mail_context(registration):
    """The ticket's lines in a mail: the code to read aloud or type, and the address."""
    if not registration.is_confirmed:
        return {}
    return {
        "ticket_code": grouped(registration.ticket_code),
        "ticket_url": ticket_url(registration.ticket_code),
    }


# --- the address in the QR code -----------------------------------------------------------


@never_cache
@require_GET
def ticket_address(request, code):
    """/activiteiten/ticket/<code>/: the organiser's check-in, the owner's ticket, or a page
    that says what this is and nothing more."""
    code = normalise_code(code)
    user = request.user
    if code and user.is_authenticated:
        places = Registration.objects.filter(ticket_code=code)
        if may_manage_attendees(user):
            place = places.only("pk", "event_id").first()
            if place is not None:
                checkin = reverse("aanmeldingen:checkin", args=[place.event_id])
                return redirect(f"{checkin}?code={code}")
        else:
            place = places.filter(user=user).only("pk").first()
            if place is not None:
                return redirect("ticket_aanmelding", pk=place.pk)
    response = render(request, "events/ticket_neutraal.html")
    response["X-Robots-Tag"] = "noindex"
    return private(response)


# --- the owner's ticket --------------------------------------------------------------------


@never_cache
@login_required
@require_GET
def my_ticket(request, pk):
    """/mijn-leerhuis/aanmeldingen/<pk>/ticket/: printable; someone else's place is a 404."""
    registration = get_object_or_404(
        Registration.objects.select_related("event"), pk=pk, user=request.user
    )
    context = {"registration": registration, "event": registration.event}
    if registration.is_confirmed:
        context.update(
            qr_src=qr_svg_src(registration.ticket_code),
            code=grouped(registration.ticket_code),
        )
    return private(render(request, "events/ticket.html", context))
