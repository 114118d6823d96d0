"""The words of a begrip: its labels as editors type them (one per line) and the folded forms
that search and the uniqueness rules compare.

Folding is members.folding.fold (lower case, no accents), so "sudwest" finds "Súdwest" on
SQLite and PostgreSQL alike. Search matches the start of any word: the folded text keeps
only letters and digits, separated by single spaces, with a space in front.
"""

import re

from members.folding import fold

_NON_WORD = re.compile(r"[^\w]+")


def split_labels(text: str) -> list[str]:
    """One label per line; blank lines and doubles (in any case) dropped, order kept."""
    seen, labels = set(), []
    for line in (text or "").splitlines():
        label = " ".join(line.split())
        if label and label.casefold() not in seen:
            seen.add(label.casefold())
            labels.append(label)
    return labels


def join_labels(labels) -> str:
    return "\n".join(labels)


def label_key(label: str) -> str:
    """What makes two labels the same term: case, accents and spacing aside."""
    return " ".join(fold(label).split())


def words(text: str) -> str:
    """Folded words behind one leading space: `" opgave sturing"`; a search word matches
    when " " + word occurs."""
    return " " + " ".join(_NON_WORD.sub(" ", fold(text)).replace("_", " ").split())


def query_words(query: str) -> list[str]:
    return words(query).split()


def initial(label: str) -> str:
    """The letter of the A–Z index: a–z, or "#" for a digit or sign."""
    first = fold(label)[:1]
    return first if "a" <= first <= "z" else "#"


_PARAGRAPH_BREAK = re.compile(r"\r?\n\s*\n")


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text field, as a browser posts it (CRLF) or a file holds it."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text or "") if p.strip()]
