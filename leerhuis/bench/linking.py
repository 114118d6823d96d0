"""The linking target: the median time to link the begrippen in a text of 5,000 words
against 2,000 stored begrippen (issue 15's budget: 50 ms), in-process on the run's data.
Where the scale stored fewer begrippen, the rest are added for the measurement and rolled
back after it."""

import itertools
import statistics
import time
from types import SimpleNamespace

from django.db import transaction

from glossary import linking
from glossary.models import Concept
from leerhuis.bench import data
from leerhuis.core.rich_text import RichTextContext

BEGRIPPEN = 2000
WORDS = 5000
RUNS = 15

PROSE = (  # split in text()
    "in de gemeente werken inwoners partners en ambtenaren samen aan een vraagstuk in de wijk "
    "het college neemt een besluit na overleg met de raad zodat de projectleider de planning "
    "bijstelt en het budget bewaakt terwijl ondernemers &amp; bewoners meedenken"
)


def text(words, labels):
    """Rich-text HTML of about `words` words in paragraphs, naming begrippen on the way."""
    prose, terms = itertools.cycle(PROSE.split()), itertools.cycle(labels)
    paragraphs, count = [], 0
    while count < words:
        sentence = [next(prose) for _ in range(76)]
        sentence[12:12] = [next(terms)]
        sentence[44:44] = ["<strong>" + next(terms) + "</strong>"]
        count += len(sentence)
        paragraphs.append("<p>" + " ".join(sentence) + ".</p>")
    paragraphs.insert(2, "<h2>Wat is opgave-sturing?</h2>")
    return "\n".join(paragraphs)


def median_ms():
    """The median of RUNS links of the text, in ms, with BEGRIPPEN begrippen stored."""
    with transaction.atomic():
        missing = BEGRIPPEN - Concept.objects.filter(live=True).count()
        if missing > 0:
            data.build_begrippen(missing)
        labels = list(Concept.objects.filter(live=True).values_list("pref_label", flat=True)[:40])
        html = text(WORDS, labels)
        linking.current_matcher()  # built once, before the clock runs
        timings = []
        for run in range(RUNS):
            # A new page each run: nothing linked on it yet.
            context = RichTextContext(SimpleNamespace(pk=run + 1, auto_link_terms=True))
            started = time.perf_counter()
            linking.link_begrippen(html, context)
            timings.append(time.perf_counter() - started)
        transaction.set_rollback(True)
    return statistics.median(timings) * 1000
