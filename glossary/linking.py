"""Begrippen linked in every rich text of the site: a transformer on core's hook.

On each page the first occurrence of a begrip in use (its preferred or an alternative term;
see glossary/matcher.py for what counts as an occurrence) becomes a link to its page, with its
short definition beside it as a tooltip: a real element tied to the link by
`aria-describedby`, so screen readers read it, shown by CSS on hover and on keyboard focus,
with no JavaScript needed (static/js/begrippen.js only adds Escape to close it). Where a link
may not go is glossary/html_text.py.

Speed: a page never asks the database for the begrippen. The matcher (every term → its
begrip) is built from one query and kept in each process under a version that lives in the
shared cache. Every change to a begrip (glossary/signals.py) writes a new version after its
transaction commits; every process sees the new version at its next page and builds again.

`_built` is module state, but a cache, not state: it holds only what can be rebuilt from the
database at any moment, each process checks it against the shared version before each page,
and losing it (a restart, another worker) costs one query and nothing else. No process ever
decides anything from what another process did not write to the shared cache. A matcher is
also built again after MAX_AGE, so a change whose new version the cache could not take (an
outage of Redis) still reaches the texts within minutes.
"""

import secrets
import time

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import Truncator

from glossary.html_text import PlainText, text_pieces
from glossary.labels import split_labels
from glossary.matcher import Entry, Matcher
from glossary.models import Concept

VERSION_KEY = "glossary:linking:version"
# A tooltip says what a begrip is in a breath; the begrip's page says the rest.
SHORT_DEFINITION = 240
# Seconds a process keeps a matcher even when the version says it is current.
MAX_AGE = 300

_STATE_MATCHER = "glossary_matcher"
_STATE_LINKED = "glossary_linked"
_STATE_COUNT = "glossary_count"

_built = {}  # "current": (version, Matcher), per process; see the docstring


# --- the version in the shared cache ------------------------------------------------------


def current_version():
    """The version of the begrippen every process agrees on."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    # A cache that keeps nothing (DummyCache) gives no version: build for every page then.
    return version if version is not None else _new_version()


def begrippen_changed():
    """Every process builds its matcher again before its next page: called by the signals,
    and by whoever changes begrippen without them (a bulk import)."""
    transaction.on_commit(_write_new_version)


def _write_new_version():
    # A new random number, not +1: two changes at once each leave a version nobody built
    # from, and a cache that lost the key never brings back a number a process still holds.
    cache.set(VERSION_KEY, _new_version(), timeout=None)


def _new_version():
    return secrets.randbits(62)


# --- the matcher ----------------------------------------------------------------------------


def build_matcher():
    """Every term of the begrippen in use, in one query. Preferred terms come before
    alternative terms, so a preferred term is never lost to another begrip's alternative."""
    rows = list(
        Concept.objects.in_use()
        .order_by("sort_key", "pk")
        .values_list("pk", "slug", "pref_label", "alt_labels", "definition")
    )
    entries = {}
    for pk, slug, _pref, _alt, definition in rows:
        short = Truncator(" ".join(definition.split())).chars(SHORT_DEFINITION)
        entries[pk] = Entry(pk, reverse("begrip", args=[slug]), escape(short))
    preferred = [(pref, entries[pk]) for pk, _slug, pref, _alt, _def in rows]
    alternative = [
        (term, entries[pk]) for pk, _slug, _pref, alt, _def in rows for term in split_labels(alt)
    ]
    return Matcher(preferred + alternative)


def current_matcher():
    """The matcher of the current version, built in this process at most once per version."""
    version = current_version()
    held = _built.get("current")
    if held is not None and held[0] == version and time.monotonic() - held[2] < MAX_AGE:
        return held[1]
    matcher = build_matcher()
    _built["current"] = (version, matcher, time.monotonic())
    return matcher


# --- the transformer ------------------------------------------------------------------------

LINK = (
    '<span class="begrip"><a class="begrip-link" href="{url}" aria-describedby="{id}">{text}</a>'
    '<span class="begrip-uitleg" id="{id}" role="tooltip" hidden>{definition}</span></span>'
)


def link_begrippen(html, context):
    """The rich-text transformer (leerhuis/core/rich_text.py): `html` with the first
    occurrence on the page of each begrip linked."""
    if not context.auto_link:
        return html
    state = context.state
    if _STATE_MATCHER not in state:
        state[_STATE_MATCHER] = current_matcher()
        # Never a link to the page the reader is on.
        own = context.page.pk if isinstance(context.page, Concept) else None
        state[_STATE_LINKED] = {own} if own else set()
        state[_STATE_COUNT] = 0
    matcher, linked = state[_STATE_MATCHER], state[_STATE_LINKED]
    if not len(matcher) or matcher.concept_ids <= linked:
        return html
    prefix = f"begrip-{getattr(context.page, 'pk', None) or 0}"
    out, copied = [], 0
    for start, end in text_pieces(html, _is_explanation):
        piece = PlainText(html[start:end])
        for found in matcher.find(piece.text):
            entry = found.entry
            if entry.concept_id in linked:
                continue
            linked.add(entry.concept_id)
            state[_STATE_COUNT] += 1
            term_start = start + piece.raw_offset(found.start)
            term_end = start + piece.raw_offset(found.end)
            out.append(html[copied:term_start])
            out.append(
                LINK.format(
                    url=escape(entry.url),
                    id=f"{prefix}-{state[_STATE_COUNT]}",
                    text=html[term_start:term_end],
                    definition=entry.definition,
                )
            )
            copied = term_end
    if not out:
        return html
    out.append(html[copied:])
    return "".join(out)


def _is_explanation(name, tag):
    """The tooltip beside a begrip link: its definition is not linked again."""
    return name == "span" and 'class="begrip"' in tag
