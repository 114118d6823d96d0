"""Benchmark (issue 15): linking the begrippen in a text of 5,000 words against 2,000 stored
begrippen takes a median of at most 50 ms. One clearly named benchmark, apart from the
behaviour tests of tests/glossary/; select it with `-m benchmark`, leave it out with
`-m "not benchmark"`."""

import itertools
import statistics
import time

import pytest

from glossary import linking
from leerhuis.core.rich_text import RichTextContext
from tests.glossary.linking_helpers import a_page, links
from tests.glossary_factories import begrip, store_begrippen

BEGRIPPEN = 2000
WORDS = 5000
RUNS = 15
BUDGET_SECONDS = 0.050

PROSE = " ".join(
    [
        "de gemeente werkt samen met inwoners en partners aan een vraagstuk in de wijk waar",
        "het college een besluit over neemt na overleg met de raad en de ambtelijke organisatie",
        "zodat de aanpak past bij wat caf&eacute;houders &amp; ondernemers in de buurt ervaren",
        "terwijl de projectleider het budget bewaakt en de planning bijstelt",
    ]
).split(" ")
TERMS = ["opgave-sturing", "term 0042", "termen 1996", "planning- en controlcyclus", "opgave"]


def dutch_text(words):
    """Rich-text HTML of `words` words: paragraphs of about 80 words, each naming begrippen
    along the way, with a heading, a link and bold text in between."""
    vocabulary = itertools.cycle(PROSE)
    terms = itertools.cycle(TERMS)
    paragraphs, count = [], 0
    while count < words:
        sentence = [next(vocabulary) for _ in range(75)]
        sentence[10:10] = [next(terms)]
        sentence[40:40] = ["<strong>" + next(terms) + "</strong>"]
        count += len(sentence)
        paragraphs.append("<p>" + " ".join(sentence).capitalize() + ".</p>")
    paragraphs.insert(3, "<h2>Wat is opgave-sturing?</h2>")
    paragraphs.insert(6, '<p>Lees <a href="/begrippen/">over de opgave</a> verder.</p>')
    return "\n".join(paragraphs)


@pytest.mark.benchmark
@pytest.mark.django_db
def test_benchmark_linking_5000_words_against_2000_begrippen_takes_at_most_50_ms():
    for term in ("opgave", "opgave-sturing", "planning- en controlcyclus"):
        begrip(term)
    store_begrippen(BEGRIPPEN - 3)
    html = dutch_text(WORDS)
    assert len(linking.current_matcher()) >= BEGRIPPEN  # built once, before the clock runs

    timings = []
    for _run in range(RUNS):
        context = RichTextContext(a_page())  # a new page each run: nothing linked yet
        started = time.perf_counter()
        linked = linking.link_begrippen(html, context)
        timings.append(time.perf_counter() - started)

    median = statistics.median(timings)
    print(f"\nlinking {WORDS} words against {BEGRIPPEN} begrippen: median {median * 1000:.1f} ms")
    assert len(links(linked)) == len(TERMS)
    assert median <= BUDGET_SECONDS
