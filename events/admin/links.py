"""Where the organisers' tools live in the admin: the URL namespace and its reverse()."""

from django.urls import reverse

NAMESPACE = "aanmeldingen"


def url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)
