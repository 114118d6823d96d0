"""The record page and the yearly goal (part 2 of issue 19)."""

from django.http import HttpResponse


def record_page(request):
    return HttpResponse(status=501)


def goal(request):
    return HttpResponse(status=501)
