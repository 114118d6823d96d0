"""The site's URLs for the tests of the index, with a stand-in for one thread's page
(`gesprek`) while the thread helper's page is not there yet; once it is, this adds nothing."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import get_resolver, re_path

from leerhuis.community.models import Thread
from leerhuis.urls import urlpatterns as site_urlpatterns


def stand_in_thread(request, slug):
    thread = get_object_or_404(Thread, slug=slug)
    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block content %}<h1>{{ thread.title }}</h1>{% endblock %}'
    )
    return HttpResponse(template.render({"thread": thread}, request))


if "gesprek" in get_resolver("leerhuis.urls").reverse_dict:
    urlpatterns = list(site_urlpatterns)
else:
    urlpatterns = [
        re_path(
            r"^gesprekken/(?!nieuw/|pagina/)(?P<slug>[-\w]+)/$", stand_in_thread, name="gesprek"
        ),
        *site_urlpatterns,
    ]
