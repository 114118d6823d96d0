from django.urls import path

from . import views

urlpatterns = [
    path("", views.mijn_leerhuis, name="mijn_leerhuis"),
    path("profiel/", views.profile, name="mijn_profiel"),
    path("organisatie/", views.choose_organisation, name="organisatie_kiezen"),
    path("mijn-gegevens/", views.export_data, name="mijn_gegevens"),
    path("mijn-gegevens.zip", views.export_archive, name="mijn_gegevens_zip"),
    path("account-verwijderen/", views.delete_account, name="account_verwijderen"),
]
