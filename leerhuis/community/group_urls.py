"""/groepen/: the groups, one group, and joining, leaving and managing it."""

from django.urls import path

from leerhuis.community import group_views

urlpatterns = [
    path("<slug:slug>/", group_views.groep, name="groep"),
]
