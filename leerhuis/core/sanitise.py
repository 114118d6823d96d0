"""What members write on the site, made safe to store and show.

Members type in a plain text area: paragraphs separated by an empty line, list items
starting with "- " or "* ", and, where they paste it, a little HTML. Either way the result
goes through nh3 with a short list of tags and attributes, so a script, an event handler or
a javascript: link comes out as inert text or not at all. Links get rel="nofollow noopener".
What is stored is the sanitised HTML; the original text is not kept.
"""

import html
import re

import nh3

TAGS = {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "blockquote"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener noreferrer"
# Text that holds one of these was written (or pasted) as HTML and is kept as such.
_BLOCK_TAG = re.compile(r"<\s*(p|ul|ol|li|blockquote|div|h[1-6])\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-*•]\s+")


def clean_html(markup) -> str:
    """`markup` with only the allowed tags and attributes; everything else escaped or gone."""
    return nh3.clean(
        markup or "",
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        clean_content_tags={"script", "style"},
    ).strip()


def _paragraph(block):
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    if lines and all(_BULLET.match(line) for line in lines):
        return "<ul>" + "".join(f"<li>{_BULLET.sub('', line)}</li>" for line in lines) + "</ul>"
    return "<p>" + "<br>".join(lines) + "</p>"


def member_html(text) -> str:
    """Safe HTML from what a member typed: empty lines make paragraphs and "- " lines a list
    (inline tags such as a link are kept when allowed); pasted HTML keeps its allowed tags."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        return ""
    if _BLOCK_TAG.search(text):
        return clean_html(text)
    blocks = [block for block in re.split(r"\n\s*\n", text) if block.strip()]
    return clean_html("".join(_paragraph(block) for block in blocks))


def text_of(markup) -> str:
    """The words of `markup` without its tags, for counting and for a text area."""
    return html.unescape(nh3.clean(markup or "", tags=set())).strip()


def as_typed(markup) -> str:
    """Stored HTML back as the text a member would type, for editing a draft: paragraphs
    become empty lines, list items "- " lines. Links and emphasis keep their tags."""
    markup = markup or ""
    markup = re.sub(r"\s*<li>", "\n- ", markup)
    markup = re.sub(r"</p>\s*<p>|</ul>\s*<p>|</p>\s*<ul>|</ol>\s*<p>|</p>\s*<ol>", "\n\n", markup)
    markup = re.sub(r"<br\s*/?>", "\n", markup)
    kept = nh3.clean(markup, tags={"a", "strong", "em", "b", "i"}, attributes=ATTRIBUTES)
    # A list after a paragraph gets the paragraph's empty line and its first item's line
    # break; one empty line is what the member typed, and what member_html reads back.
    return re.sub(r"\n{3,}", "\n\n", html.unescape(kept)).strip()
