"""/groepen/: the groups, one group, and joining, leaving and managing it."""

from django.urls import path

from leerhuis.community import group_actions, group_views

urlpatterns = [
    path("", group_views.groepen, name="groepen"),
    path("uitnodiging/<str:token>/", group_views.uitnodiging, name="groep_uitnodiging"),
    path("<slug:slug>/", group_views.groep, name="groep"),
    path("<slug:slug>/meedoen/", group_actions.meedoen, name="groep_meedoen"),
    path("<slug:slug>/verzoek/", group_actions.verzoek, name="groep_verzoek"),
    path("<slug:slug>/verlaten/", group_actions.verlaten, name="groep_verlaten"),
    path("<slug:slug>/uitnodigen/", group_actions.uitnodigen, name="groep_uitnodigen"),
    path("<slug:slug>/documenten/", group_actions.document, name="groep_document"),
    path(
        "<slug:slug>/uitnodigingen/<int:pk>/intrekken/",
        group_actions.uitnodiging_intrekken,
        name="groep_uitnodiging_intrekken",
    ),
    *(
        path(
            f"<slug:slug>/leden/<int:pk>/{action}/",
            group_actions.lid_actie_view(action),
            name=f"groep_lid_{action}",
        )
        for action in ("accepteren", "weigeren", "verwijderen", "beheerder")
    ),
]
