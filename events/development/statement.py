"""The statement of a year: PDF and CSV."""

from django.http import HttpResponse


def pdf(request, year):
    return HttpResponse(status=501)


def csv(request, year):
    return HttpResponse(status=501)
