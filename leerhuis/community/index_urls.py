"""/gesprekken/ itself and /gesprekken/nieuw/: the conversations index and starting one;
/gesprekken/pagina/<id>/reageren/: a reply under an article or case."""

from django.urls import path

from leerhuis.community import index_views, page_conversation

urlpatterns = [
    path("", index_views.gesprekken, name="gesprekken"),
    path("nieuw/", index_views.gesprek_nieuw, name="gesprek_nieuw"),
    path(
        "pagina/<int:page_id>/reageren/",
        page_conversation.pagina_reageren,
        name="pagina_reageren",
    ),
]
