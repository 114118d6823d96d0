"""Personal pages of events under /mijn-leerhuis/ (the dashboard itself is members')."""

from django.urls import path

from events import certificates, dashboard

urlpatterns = [
    path(
        "mijn-leerhuis/aanmeldingen/",
        dashboard.registrations_page,
        name="mijn_aanmeldingen",
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
