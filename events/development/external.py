"""Learning elsewhere: add, edit, delete, and the private proof document."""

from django.http import HttpResponse


def add(request):
    return HttpResponse(status=501)


def edit(request, pk):
    return HttpResponse(status=501)


def delete(request, pk):
    return HttpResponse(status=501)


def proof(request, pk):
    return HttpResponse(status=501)
