"""Walking rich-text HTML to change only its text, and only where a link may go.

The HTML is cut into markup (tags, comments) and text. Markup is copied as it is, so
attributes (a term in `title="…"` or in an address) are never touched, and text is copied
as it is except where a term is replaced by its link, so entities and accents stay exactly as
the editor's text had them. No parser rebuilds the document: Wagtail's HTML is kept
byte for byte.

Text is left alone inside elements where a link would be wrong or invalid: headings, links
(also the begrip links made before), code, buttons, form fields, and the like.
"""

import html as html_lib
import re

# Where no begrip is linked: headings, interactive content (a link in a link or a button is
# invalid HTML), code and text that is not prose.
NO_LINKS_INSIDE = frozenset(
    {
        *(f"h{level}" for level in range(1, 7)),
        "a",
        "abbr",
        "button",
        "code",
        "dfn",
        "iframe",
        "kbd",
        "label",
        "math",
        "noscript",
        "object",
        "option",
        "pre",
        "samp",
        "script",
        "select",
        "style",
        "summary",
        "svg",
        "template",
        "textarea",
        "title",
    }
)
# Their content is raw text: a "<" in it opens no tag.
_RAW_TEXT = frozenset({"script", "style"})

_MARKUP = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([A-Za-z][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S,
)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def text_pieces(html, extra_excluded=lambda name, tag: False):
    """(start, end) of each stretch of text in `html` where links may go.

    `extra_excluded(name, tag)` may exclude more elements by their start tag (the glossary's
    own explanation beside a link, say)."""
    closed = []  # names of the excluded elements we are in, innermost last
    position = 0
    for match in _MARKUP.finditer(html):
        if match.start() < position:
            continue  # inside the raw text of a script or style, skipped below
        if match.start() > position and not closed:
            yield position, match.start()
        position = match.end()
        name = (match.group(2) or "").lower()
        if not name:
            continue  # a comment or declaration
        tag = match.group(0)
        if match.group(1):  # an end tag closes the innermost element of its name
            if name in closed:
                del closed[len(closed) - 1 - closed[::-1].index(name) :]
        elif tag.endswith("/>"):
            continue
        elif name in _RAW_TEXT:
            end = html.lower().find(f"</{name}", position)
            position = len(html) if end < 0 else end
        elif name in NO_LINKS_INSIDE or name in closed or extra_excluded(name, tag):
            # Once inside, every element of the same name counts, so nesting closes right.
            closed.append(name)
    if position < len(html) and not closed:
        yield position, len(html)


class PlainText:
    """A stretch of HTML text as the reader sees it (entities decoded), with a map back to
    the HTML, so a term found in the plain text is replaced in the HTML as written."""

    def __init__(self, raw):
        self.raw = raw
        if "&" not in raw:
            self.text, self._raw_at = raw, None
            return
        pieces, raw_at, position = [], [], 0
        for match in _ENTITY.finditer(raw):
            pieces.append(raw[position : match.start()])
            raw_at.extend(range(position, match.start()))
            decoded = html_lib.unescape(match.group(0))
            pieces.append(decoded)
            if decoded == match.group(0):  # "R&D": no entity, the text as it is
                raw_at.extend(range(match.start(), match.end()))
            else:
                raw_at.extend([match.start()] * len(decoded))
            position = match.end()
        pieces.append(raw[position:])
        raw_at.extend(range(position, len(raw) + 1))
        self.text, self._raw_at = "".join(pieces), raw_at

    def raw_offset(self, offset):
        """Where the plain text's `offset` is in the HTML."""
        return offset if self._raw_at is None else self._raw_at[offset]
