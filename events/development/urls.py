"""/mijn-leerhuis/ontwikkeling/… (the record, learning elsewhere, the goal, the statement)
and /bewijs/<code>/ (the public check of one line). `bewijs` is a reserved slug."""

from django.urls import path

from . import external, statement, verify, views

urlpatterns = [
    path("mijn-leerhuis/ontwikkeling/", views.record_page, name="ontwikkeling"),
    path("mijn-leerhuis/ontwikkeling/doel/", views.goal, name="ontwikkeling_doel"),
    path("mijn-leerhuis/ontwikkeling/elders/nieuw/", external.add, name="ontwikkeling_elders"),
    path(
        "mijn-leerhuis/ontwikkeling/elders/<int:pk>/",
        external.edit,
        name="ontwikkeling_elders_bewerken",
    ),
    path(
        "mijn-leerhuis/ontwikkeling/elders/<int:pk>/verwijderen/",
        external.delete,
        name="ontwikkeling_elders_verwijderen",
    ),
    path(
        "mijn-leerhuis/ontwikkeling/elders/<int:pk>/bewijsstuk/",
        external.proof,
        name="ontwikkeling_bewijsstuk",
    ),
    path(
        "mijn-leerhuis/ontwikkeling/<int:year>/overzicht.pdf",
        statement.pdf,
        name="ontwikkeling_pdf",
    ),
    path(
        "mijn-leerhuis/ontwikkeling/<int:year>/overzicht.csv",
        statement.csv,
        name="ontwikkeling_csv",
    ),
    path("bewijs/<str:code>/", verify.check, name="bewijs"),
]
