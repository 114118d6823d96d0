"""A small public site for the bad-input tests, and what every answer to bad input must be.

The data is a meeting and a leergang with themes, an article, a begrip, a conversation, a
group, a member organisation and the quiz: enough that every filter and address has
something real to find, so the code behind a valid value runs as well as the refusals.
"""

from django.core.cache import cache

from tests.community_factories import GroepFactory, ThreadFactory
from tests.events.helpers.calendar_page import meeting
from tests.events_factories import LearningTrackPageFactory
from tests.factories import OrganisationFactory
from tests.glossary_factories import begrip
from tests.knowledge_factories import article
from tests.quiz_factories import quiz_page

THEMES = ["Opgave-sturing", "Wonen"]
# What Django would answer in English if the site's own pages were not used.
ENGLISH_DEFAULTS = [b"Bad Request (400)", b"<h1>Not Found</h1>", b"Server Error", b"Forbidden"]
# Markup from the fragments that must never come back unescaped in a page.
ACTIVE_MARKUP = [b"<script>alert(1)</script>", b"<img src=x onerror=alert(1)>"]


def make_public_site():
    event = meeting("Opgave-sturing in de praktijk", themes=THEMES, event_type="workshop")
    track = LearningTrackPageFactory(title="Leergang opgave-sturing")
    concept = begrip("Opgave")
    page = article(title="Sturen op opgaven", theme_names=THEMES, begrippen=[concept])
    quiz_page()
    thread = ThreadFactory(title="Hoe stuur je op een opgave?")
    group = GroepFactory(name="Werkgroep wonen", slug="werkgroep-wonen", toegang="open")
    organisation = OrganisationFactory(name="Gemeente Veenendaal")
    return {
        "event": event,
        "track": track,
        "concept": concept,
        "article": page,
        "thread": thread,
        "group": group,
        "organisation": organisation,
    }


def fresh():
    """Before each example: no stored page, no limit counted by an earlier one."""
    cache.clear()


def assert_answered_well(response):
    """Not a 500; an error is the site's own Dutch page (or Dutch text), never Django's
    English default; and no markup from the input comes back active."""
    status = response.status_code
    assert status < 500, status
    body = response.content if not getattr(response, "streaming", False) else b""
    content_type = response.get("Content-Type", "")
    for english in ENGLISH_DEFAULTS:
        assert english not in body, (status, english)
    if status >= 400 and content_type.startswith("text/html"):
        assert b'<html lang="nl">' in body, status
    if content_type.startswith("text/html"):
        for markup in ACTIVE_MARKUP:
            assert markup not in body, markup
