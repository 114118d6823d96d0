from django.urls import path

from . import views

urlpatterns = [path("", views.mijn_leerhuis, name="mijn_leerhuis")]
