"""/gesprekken/<slug>/: one thread, with replying, editing, deleting and the answer."""

from django.urls import path

from leerhuis.community import thread_views

urlpatterns = [
    path("bijdrage/<int:pk>/bewerken/", thread_views.edit, name="bijdrage_bewerken"),
    path("bijdrage/<int:pk>/verwijderen/", thread_views.delete, name="bijdrage_verwijderen"),
    path("<slug:slug>/", thread_views.thread_page, name="gesprek"),
    path("<slug:slug>/reageren/", thread_views.reply, name="gesprek_reageren"),
    path("<slug:slug>/antwoord/", thread_views.answer, name="gesprek_antwoord"),
]
