"""/bewijs/<code>/: the public check of one line of a statement."""

from django.http import HttpResponse


def check(request, code):
    return HttpResponse(status=501)
