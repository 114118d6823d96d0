from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def ceiling(request):
    """The ceiling: what Django with the site's middleware serves at all on this machine.
    never_cache, so no page cache ever answers for it."""
    return HttpResponse("plafond\n", content_type="text/plain; charset=utf-8")
