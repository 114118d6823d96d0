"""Events outside the page tree: the calendar feeds, and personal pages under /mijn-leerhuis/
(the dashboard itself is members').

These resolve before Wagtail's catch-all; `agenda` is a reserved slug, so no page can take
/activiteiten/agenda.ics.
"""

from django.urls import path, re_path

from events import agenda_link, certificates, dashboard, feeds, invitations, tickets

urlpatterns = [
    # The address in a ticket's QR code. `ticket` is a reserved slug; a typed address may
    # come in lower case or with the dashes of the printed code.
    re_path(
        r"^activiteiten/ticket/(?P<code>[0-9A-Za-z-]{16,24})/$",
        tickets.ticket_address,
        name="ticket",
    ),
    path("activiteiten/agenda.ics", feeds.calendar_feed, name="agenda_feed"),
    path("activiteiten/<str:slug>/agenda.ics", feeds.event_download, name="agenda_download"),
    # The link in an invitation to take over a place; no page has subpages under a meeting.
    path(
        "activiteiten/<str:slug>/collega/<str:token>/",
        invitations.accept,
        name="collega_uitnodiging",
    ),
    path(
        "mijn-leerhuis/agenda/<str:token>.ics",
        feeds.personal_feed,
        name="persoonlijke_agenda",
    ),
    path("mijn-leerhuis/agenda/", agenda_link.manage_personal_feed, name="agenda_link"),
    path(
        "mijn-leerhuis/aanmeldingen/",
        dashboard.registrations_page,
        name="mijn_aanmeldingen",
    ),
    path(
        "mijn-leerhuis/aanmeldingen/<int:pk>/ticket/", tickets.my_ticket, name="ticket_aanmelding"
    ),
    path(
        "mijn-leerhuis/aanmeldingen/<int:pk>/certificaat.pdf",
        certificates.event_certificate,
        name="certificaat_aanmelding",
    ),
    path(
        "mijn-leerhuis/leergangen/<int:pk>/certificaat.pdf",
        certificates.track_certificate,
        name="certificaat_leergang",
    ),
]
