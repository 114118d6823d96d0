"""No admin action removes what records money or attendance: the registrations.

The database refuses on its own (Registration.event and .learning_track are PROTECT), but
a ProtectedError is a 500. These guards refuse first, with a Dutch explanation, on every
admin path that deletes or moves pages: the delete view (also of a parent: Wagtail deletes
the pages below it without asking their hooks), the bulk actions, and the move views.
"""

from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from events.models import EventIndexPage, LearningTrackPage, Registration

NAMED = 5  # titles a refusal names; the rest are counted


def pages_with_registrations(pages):
    """The pages among `pages` and below them that people signed up for, as the meeting or
    as the leergang the booking came through (cancelled registrations count: they are part
    of the record), in tree order."""
    subtree = Q()
    for page in pages:
        subtree |= Q(path__startswith=page.path)
    if not subtree:
        return Page.objects.none()
    booked = Registration.objects.filter(event=OuterRef("pk"))
    via_track = Registration.objects.filter(learning_track=OuterRef("pk"))
    return Page.objects.filter(subtree).filter(Exists(booked) | Exists(via_track)).order_by("path")


def leaving_calendar(pages, destination):
    """The pages that a move under `destination` takes out of the calendar they are in.
    The calendar itself and the pages above it take their meetings along: they are not
    leaving."""
    calendars = list(EventIndexPage.objects.values_list("path", flat=True))

    def calendar_of(page):
        return next((c for c in calendars if page.path.startswith(c) and page.path != c), None)

    return [
        page
        for page in pages
        if (calendar := calendar_of(page)) and not destination.path.startswith(calendar)
    ]


def refuse_delete(request, page):
    """before_delete_page: also for a parent, whose pages below go with it."""
    return _refuse(request, _deleting, pages_with_registrations([page]), _edit_url(page))


def refuse_move(request, page, destination):
    """before_move_page: a move within the calendar is fine."""
    held = pages_with_registrations(leaving_calendar([page], destination))
    return _refuse(request, _moving, held, _edit_url(page))


def refuse_bulk_action(request, action_type, objects, action):
    """before_bulk_action: Wagtail's bulk delete and bulk move of pages."""
    if not issubclass(action.model, Page) or not objects:
        return None
    if action_type == "delete":
        held, explain = pages_with_registrations(objects), _deleting
    elif action_type == "move":
        destination = action.cleaned_form.cleaned_data["chooser"]
        held, explain = pages_with_registrations(leaving_calendar(objects, destination)), _moving
    else:
        return None
    back = get_valid_next_url_from_request(request) or reverse(
        "wagtailadmin_explore", args=[objects[0].get_parent().pk]
    )
    return _refuse(request, explain, held, back)


def _deleting(names):
    return _(
        "Niet verwijderd: voor %(names)s hebben mensen zich aangemeld. Verwijderen zou hun "
        "aanmeldingen wissen, en daarmee de facturatie en de presentie."
    ) % {"names": names}


def _moving(names):
    return _(
        "Niet verplaatst: voor %(names)s hebben mensen zich aangemeld, en hun bevestigingen "
        "en agenda's wijzen naar het adres in de activiteitenkalender. Binnen de kalender "
        "verplaatsen kan wel."
    ) % {"names": names}


def _refuse(request, explain, held, back_url):
    """Say which pages hold registrations and what to do instead; go back."""
    first = list(held[: NAMED + 1])
    if not first:
        return None
    names = [f"“{page.get_admin_display_title()}”" for page in first[:NAMED]]
    if len(first) > NAMED:
        names.append(_("nog %(count)s andere") % {"count": held.count() - NAMED})
    if any(issubclass(page.specific_class or Page, LearningTrackPage) for page in first):
        # A leergang has no status of its own: its sessions carry it.
        advice = _(
            "Gaat het niet door? Zet de status op 'geannuleerd' (bij een leergang: die van "
            "de sessies) en publiceer: dan krijgt iedereen bericht."
        )
    else:
        advice = _(
            "Gaat het niet door? Zet de status op 'geannuleerd' en publiceer: dan krijgt "
            "iedereen bericht."
        )
    messages.error(request, f"{explain(get_text_list(names, _('en')))} {advice}")
    return redirect(back_url)


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])
