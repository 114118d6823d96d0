"""/bewijs/<code>/: anyone holding a statement (an employer, a certification body) checks
that the Leerhuis issued one of its lines.

A line is confirmed only while it still counts: the code's hash matches its registration
(codes.py) and the registration is among record.counted_registrations() of its account, the
same rule as the statement itself. A cancelled meeting, a check-in undone or a deleted
account withdraw the confirmation without anything stored for it.

The answer says as little about the person as it can while still being useful: the
meeting, its study load and the participant's initials, never a full name, address or
organisation. Every refusal is the same 404, whatever the reason, so a guesser learns
nothing from it, and guesses are counted per address (leerhuis.core.ratelimit), answering
the house's 429 once there are too many. Nothing is kept by caches or offered to search
engines: the code is in the address, and a withdrawn line must stop confirming at once.
"""

import re

from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from events.models import Registration
from leerhuis.core.association import association_name
from leerhuis.core.ratelimit import over_limit, too_many

from . import codes
from .formatting import hours_text, points_text
from .record import counted_registrations, meeting_line, with_study_load

# Enough for someone checking a long statement line by line; far too few to guess with.
CHECK_LIMIT = 60
CHECK_WINDOW = 10 * 60  # seconds
LARGEST_KEY = 2**63 - 1

LETTER = re.compile(r"[^\W\d_]")
# Dutch surname prefixes (tussenvoegsels): written out in initials, as in "J. de V.".
PREFIXES = frozenset(
    ("van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "aan", "bij")
    + ("onder", "over", "uit", "voor", "la", "le", "du", "des", "von", "zu", "y", "da")
    + ("do", "dos", "das", "di", "del", "della")
)


def initials(name):
    """A name reduced to what identifies no one by itself: "Jan de Vries" → "J. de V.",
    "Anna Maria van der Berg" → "A. M. van der B.", "Eva Smit-de Wit" → "E. S.-de W."."""
    words = [word for word in name.split() if LETTER.search(word)]
    return " ".join(
        word if _is_prefix(word) and i < len(words) - 1 else _word_initials(word)
        for i, word in enumerate(words)
    )


def _is_prefix(word):
    return word.lower() in PREFIXES


def _word_initials(word):
    """ "Vries" → "V.", "Smit-de" → "S.-de"."""
    parts = [part for part in word.split("-") if part] or [word]
    return "-".join(
        part if i and _is_prefix(part) else f"{_letter(part)}." for i, part in enumerate(parts)
    )


def _letter(word):
    found = LETTER.search(word)
    return found.group(0).upper() if found else "?"


def _client_address(request):
    try:
        return get_adapter().get_client_ip(request)
    except PermissionDenied:
        return "onbekend"


def _confirmed(code):
    """The registration that `code` names, if it still counts; else None."""
    pk = codes.registration_pk(code)
    # Thirteen digits reach past what a database key can hold: no registration, no query.
    if pk is None or pk > LARGEST_KEY:
        return None
    registration = Registration.objects.filter(pk=pk).select_related("user").first()
    if registration is None or registration.user is None:
        return None
    if not codes.matches(registration, code):
        return None
    counted = counted_registrations(registration.user).filter(pk=pk)
    return with_study_load(counted).first()


def _unknown(request):
    return render(request, "events/bewijs_onbekend.html", {}, status=404)


@never_cache
@require_GET
def check(request, code):
    if over_limit(
        request, f"bewijs:{_client_address(request)}", limit=CHECK_LIMIT, window=CHECK_WINDOW
    ):
        response = too_many(request)
    else:
        registration = _confirmed(code)
        if registration is None:
            response = _unknown(request)
        else:
            response = render(request, "events/bewijs.html", _context(registration))
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _context(registration):
    line = meeting_line(registration)
    person = registration.user.get_full_name() or registration.name
    return {
        "line": line,
        "code": line.code,
        "hours": hours_text(line.hours),
        "points": [points_text(scheme, value) for scheme, value in line.points],
        "organiser": association_name(),
        "initials": initials(person),
    }
