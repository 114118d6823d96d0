"""Finding the terms of the begrippen in a piece of plain text.

The text is cut into tokens (runs of letters and digits, runs of white space, single signs)
and a term is a sequence of such tokens. Finding is then a dict lookup of the token sequence
that starts at each position, longest first. That is linear in the text, whatever the number
of begrippen, where one regular expression with 5,000 alternatives would be slow to build and
slower to run.

Decisions a reader of a text will notice:
- Case does not matter, accents do ("Súdwest" is not "Sudwest": hidden search terms are for
  misspellings, links are for the words a begrip is written with).
- Whole words only, and a hyphenated compound is one word: "opgave" is not found in
  "opgaven" (a plural is a term only when editors add it as an alternative term) nor in
  "opgave-gericht". White space counts as one space, so a term split over two lines is found;
  "opgave - sturing" is not "opgave-sturing".
- The longest term wins: "opgave-sturing" before "opgave".
"""

import re
import unicodedata
from dataclasses import dataclass

# A word, a run of white space, or any other single character.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
# Signs that glue two words into one ("opgave-gericht", "opgave's"): no match ends or starts
# at them when a word is on their other side.
_JOINERS = frozenset("-'")
_SAME_SIGN = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'"})


def _normal(token: str) -> str:
    if token[0].isspace():
        return " "
    if not token.isascii():
        token = unicodedata.normalize("NFC", token).translate(_SAME_SIGN)
    return token.casefold()


def term_key(term: str) -> tuple[str, ...]:
    """The tokens by which a term is found: "Opgave-sturing" → ("opgave", "-", "sturing")."""
    return tuple(_normal(t) for t in _TOKEN.findall(" ".join(term.split())))


@dataclass(frozen=True)
class Entry:
    """What a found term links to: one begrip."""

    concept_id: int
    url: str
    definition: str


@dataclass(frozen=True)
class Found:
    """A term found at text[start:end]."""

    start: int
    end: int
    entry: Entry


class Matcher:
    """All terms of the begrippen in use, ready to be found in texts."""

    def __init__(self, terms):
        """`terms`: (term, Entry) pairs, in order of precedence: when two begrippen share a
        term, the first keeps it."""
        self._entries = {}
        self._longest = {}  # first token → the most tokens a term starting with it has
        for term, entry in terms:
            key = term_key(term)
            if not key or key[0] == " " or key in self._entries:
                continue
            self._entries[key] = entry
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
        self.concept_ids = frozenset(entry.concept_id for entry in self._entries.values())

    def __len__(self):
        return len(self._entries)

    def find(self, text: str):
        """Every term in `text`, left to right, never overlapping (a begrip already linked
        is still found, so that a shorter term inside it is not)."""
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        tokens = [_normal(text[start:end]) for start, end in spans]
        count, longest, entries = len(tokens), self._longest, self._entries
        i = 0
        while i < count:
            most = longest.get(tokens[i])
            if most is None or _glued_before(tokens, i):
                i += 1
                continue
            for size in range(min(most, count - i), 0, -1):
                entry = entries.get(tuple(tokens[i : i + size]))
                if entry is not None and not _glued_after(tokens, i + size):
                    break
            else:
                i += 1
                continue
            yield Found(spans[i][0], spans[i + size - 1][1], entry)
            i += size


def _is_word(token):
    return token[0].isalnum() or token[0] == "_"


def _glued_before(tokens, i):
    return i >= 2 and tokens[i - 1] in _JOINERS and _is_word(tokens[i - 2])


def _glued_after(tokens, j):
    return j + 1 < len(tokens) and tokens[j] in _JOINERS and _is_word(tokens[j + 1])
