"""/mijn-leerhuis/volgen/: what I follow, how often I hear of it, and the one-click stop."""

from django.urls import path

from leerhuis.community import follow_views

urlpatterns = [
    path("", follow_views.volgen, name="volgen"),
    path("<int:pk>/", follow_views.instelling, name="volg_instelling"),
    path("gesprek/<slug:slug>/", follow_views.volg_gesprek, name="volg_gesprek"),
    path("thema/<str:slug>/", follow_views.volg_thema, name="volg_thema"),
    path("groep/<slug:slug>/", follow_views.volg_groep, name="volg_groep"),
    path("stop/<str:token>/", follow_views.stop, name="volgen_stop"),
]
