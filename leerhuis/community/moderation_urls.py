"""/gesprekken/bijdrage/<pk>/melden/: reporting a post (moderators work in the admin)."""

from django.urls import path

from . import moderation_views

urlpatterns = [
    path("bijdrage/<int:pk>/melden/", moderation_views.report_view, name="bijdrage_melden"),
]
