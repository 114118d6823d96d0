"""Rich text as core renders it on a page, with the begrippen linked, for test_linking*.py."""

import re
from types import SimpleNamespace

from glossary import linking
from leerhuis.core.rich_text import RichTextContext

_LINK = re.compile(
    r'<span class="begrip"><a class="begrip-link" href="([^"]*)" aria-describedby="([^"]*)">'
    r'(.*?)</a><span class="begrip-uitleg" id="([^"]*)" role="tooltip" hidden>(.*?)</span></span>',
    re.S,
)


def a_page(pk=1, auto_link_terms=True):
    """Any page of the site, with its switch "Begrippen automatisch linken"."""
    return SimpleNamespace(pk=pk, auto_link_terms=auto_link_terms)


def page_context(page=None):
    """One page in one request: its texts share what was linked already."""
    return RichTextContext(page if page is not None else a_page())


def link(html, context=None):
    return linking.link_begrippen(html, context or page_context())


def links(html):
    """(address, term as written, short definition as HTML) of each begrip link."""
    return [(m[1], m[3], m[5]) for m in _LINK.finditer(html)]


def tooltips(html):
    """(aria-describedby of the link, id of its explanation) of each begrip link."""
    return [(m[2], m[4]) for m in _LINK.finditer(html)]


def unlinked(html):
    """The HTML with every begrip link put back to its plain term."""
    return _LINK.sub(lambda m: m[3], html)
