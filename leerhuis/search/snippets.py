"""Snippets with the query words marked, safe whatever the content holds.

A snippet starts from plain text (an intro, a definition, a search description): tags are
stripped and entities decoded, so an editor's HTML can never come through. Each piece is
then escaped on its own and only the `<mark>` around a matching word is ours: escape first,
then mark. A word matches when, accents and case aside, it starts with a query word
("sudwest" marks "Súdwest", "vergader" marks "vergaderingen").
"""

import html
import re

from django.utils.html import escape, format_html, format_html_join, strip_tags

from members.folding import fold

SNIPPET_LENGTH = 240
_TOKENS = re.compile(r"([^\W_]+)")


def plain_text(value) -> str:
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def _matches(word, folded_words):
    folded = fold(word)
    return any(folded.startswith(query_word) for query_word in folded_words)


def excerpt(text, words, length=SNIPPET_LENGTH) -> str:
    """About `length` characters of `text` around the first match (or from the start)."""
    text = plain_text(text)
    if len(text) <= length:
        return text
    folded_words = [fold(word) for word in words]
    start = 0
    for match in _TOKENS.finditer(text):
        if _matches(match.group(), folded_words):
            start = max(0, match.start() - length // 4)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < match.start() else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")


def highlight(text, words):
    """`text` escaped, with every word that starts like a query word in <mark>."""
    folded_words = [fold(word) for word in words if fold(word)]
    pieces = []
    for number, piece in enumerate(_TOKENS.split(text or "")):
        if number % 2 and folded_words and _matches(piece, folded_words):
            pieces.append(format_html("<mark>{}</mark>", piece))
        else:
            pieces.append(escape(piece))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def snippet(text, words, length=SNIPPET_LENGTH):
    return highlight(excerpt(text, words, length), words)
