"""/mijn-leerhuis/weekmail/: personal addresses, under the reserved top-level slug
mijn-leerhuis (leerhuis/urls.py includes them before members'), so no page can take them."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.switch, name="weekmail"),
    path("afmelden/<str:token>/", views.unsubscribe, name="weekmail_afmelden"),
]
