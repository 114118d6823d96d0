"""The site's URLs and, only in the benchmark's settings, the ceiling."""

from django.urls import path

from leerhuis.bench.views import ceiling
from leerhuis.urls import urlpatterns as site_urlpatterns

CEILING_PATH = "/bench/plafond/"

urlpatterns = [
    path(CEILING_PATH.lstrip("/"), ceiling, name="bench_plafond"),
    *site_urlpatterns,
]
