"""Input that no query can carry is refused at the door, once for the whole site.

PostgreSQL text cannot hold the NUL character (U+0000): a filter or lookup given one fails
with a DataError, so `/leden/?q=%00` or `/begrippen/%00/` was a 500 there, while SQLite,
which takes it, answered normally. Guarding every view's filters would miss the next one;
no address, query parameter or cookie of this site ever has a reason to contain NUL, so
this middleware answers such a request with the Dutch 400 page before sessions, Wagtail's
routing or its redirects look anything up. It sits inside the security headers and the CSP,
so its pages carry them; the page cache before it only hashes the address into a key, and
keeps nothing but 200s.

A method a view does not take (a POST to a list, a PUT anywhere) is answered by Django with
a 405 without a body; the same middleware gives it the Dutch 405 page, keeping the headers
(Allow, the security headers) the inner layers set.

Form fields are left to the forms: Django's CharField already refuses NUL with its own
(Dutch) message, so a visitor sees the form again with what they typed rather than an error
page. The bad-input tests in tests/trust/ post NUL to every public form to keep that true.
"""

import logging

from django.core.exceptions import BadRequest
from django.template.loader import render_to_string
from django.urls import get_resolver

logger = logging.getLogger(__name__)

NUL = "\x00"


def unstorable_part(request):
    """Which part of the request holds NUL ("path", "query", "cookie"), or None."""
    if NUL in request.path_info:
        return "path"
    if any(
        NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists()
    ):
        return "query"
    if any(NUL in key or NUL in value for key, value in request.COOKIES.items()):
        return "cookie"
    return None


class BadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        part = unstorable_part(request)
        if part is None:
            return self._explained(request, self.get_response(request))
        # One line without the values (an address may hold a feed token), not the traceback
        # Django logs for a BadRequest raised in a view.
        logger.warning("Verzoek met een NUL-teken in %s geweigerd (400)", part)
        handler = get_resolver().resolve_error_handler(400)
        return handler(request, BadRequest(f"NUL in {part}"))

    @staticmethod
    def _explained(request, response):
        if response.status_code == 405 and not response.streaming and not response.content:
            response.content = render_to_string("405.html", request=request)
        return response
