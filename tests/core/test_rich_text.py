"""Every rich text on the site passes the transformers that apps register with the
`rich_text_transformers` hook (the begrippenkader links its begrippen that way), with the
page's own switch, and one memory per page for "only the first occurrence"."""

import re

import pytest
from wagtail import hooks
from wagtail.rich_text import RichText

from leerhuis.core import rich_text
from tests.events_factories import EventPageFactory
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

WORD = "opgave-sturing"


def mark_first(html, context):
    """A stand-in for the glossary: marks the first WORD of a page, when the page wants it."""
    if not context.auto_link or context.state.get("marked"):
        return html
    marked, count = re.subn(WORD, f"<mark>{WORD}</mark>", html, count=1)
    context.state["marked"] = bool(count)
    return marked


@pytest.fixture
def transformer():
    with hooks.register_temporarily(rich_text.HOOK, mark_first):
        yield


def paragraph(text):
    return ("paragraph", RichText(f"<p>{text}</p>"))


def test_a_meetings_texts_all_pass_the_transformers_and_only_the_first_is_marked(
    client, transformer
):
    event = EventPageFactory(
        body=[paragraph(f"Wat is {WORD} precies?")],
        goal=f"<p>Leren over {WORD}.</p>",
        audience=f"<p>Iedereen die met {WORD} werkt.</p>",
    )
    html = client.get(event.url).content.decode()
    assert html.count(f"<mark>{WORD}</mark>") == 1
    assert html.count(WORD) >= 3  # the others stay plain text


def test_each_text_block_kind_is_transformed(client, transformer, home_page):
    home_page.intro = f"<p>Welkom bij {WORD}.</p>"
    home_page.save()
    assert f"<mark>{WORD}</mark>" in client.get("/").content.decode()
    page = StandardPageFactory(parent=home_page, body=[paragraph(f"Over {WORD}.")])
    assert f"<mark>{WORD}</mark>" in client.get(page.url).content.decode()
    event = EventPageFactory(goal=f"<p>{WORD}</p>")
    assert f"<mark>{WORD}</mark>" in client.get(event.url).content.decode()


def test_editors_switch_linking_off_per_page(client, transformer):
    event = EventPageFactory(goal=f"<p>Leren over {WORD}.</p>", auto_link_terms=False)
    html = client.get(event.url).content.decode()
    assert "<mark>" not in html and WORD in html


def test_without_a_page_nothing_is_linked_and_links_are_still_expanded(transformer, home_page):
    html = rich_text.render(f'<p><a linktype="page" id="{home_page.pk}">{WORD}</a></p>')
    assert "<mark>" not in html
    assert 'href="/"' in html
