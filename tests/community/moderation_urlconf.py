"""The site's URLs, plus a stand-in for the thread page ("gesprek") while that part of the
community is not on this branch: reporting redirects to the post in its thread. Once the
real route exists, this adds nothing."""

from django.http import HttpResponse
from django.urls import path

from leerhuis.community import index_urls, thread_urls
from leerhuis.urls import urlpatterns as site_urlpatterns

_names = {getattr(p, "name", None) for p in [*thread_urls.urlpatterns, *index_urls.urlpatterns]}


def _thread_stand_in(request, slug):
    return HttpResponse(f"gesprek {slug}")


urlpatterns = list(site_urlpatterns)
if "gesprek" not in _names:
    urlpatterns.insert(0, path("gesprekken/<slug:slug>/", _thread_stand_in, name="gesprek"))
