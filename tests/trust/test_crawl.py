"""The whole demo, crawled with Django's test client as an anonymous visitor, a member and
staff (issue 22, item 4): every address the site hands out (tests/trust/crawl.py) answers
without a 500, and none the site itself links to is a 404; every HTML page has one h1, a
title, lang="nl", a skip link as its first stop for the keyboard, and loads nothing from
another host.

Fast (no browser), so it covers every address; the browser crawl with axe
(tests/e2e/test_crawl_axe.py) takes one page per template. All findings of a visitor are
reported at once, per page.
"""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.trust.crawl import ANONYMOUS, MEMBER, NOT_FOUND, STAFF, crawl, load_demo, log_in

pytestmark = pytest.mark.django_db

# Where a page may load something from: only here. (Links to other sites are fine.)
OWN_HOSTS = {"", "testserver"}
LOADING_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "apple-touch-icon", "manifest"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
FOCUSABLE = {"a", "button", "input", "select", "textarea", "iframe", "summary", "details"}


def external(address):
    address = address.strip()
    return not address.startswith("data:") and urlsplit(address).netloc not in OWN_HOSTS


def loaded_addresses(soup):
    """Every address the browser fetches by itself to show the page: scripts, styles,
    icons, images, media, frames, and url()s in inline CSS."""
    for tag in soup.find_all(True):
        name = tag.name
        if name == "link" and LOADING_LINKS & set(tag.get("rel") or []):
            yield name, tag.get("href", "")
        if name in {"script", "img", "iframe", "source", "video", "audio", "track", "embed"}:
            yield name, tag.get("src", "")
        for attribute in ("srcset", "poster", "data"):
            if name in {"img", "source", "video", "object"} and tag.get(attribute):
                for candidate in tag[attribute].split(","):
                    yield name, candidate.split()[0] if candidate.split() else ""
        css = tag.get("style", "") + (tag.string or "" if name == "style" else "")
        for match in CSS_URL.finditer(css):
            yield f"{name} (css)", match.group(1) or match.group(2)


def focusable(tag):
    if tag.name not in FOCUSABLE and not tag.has_attr("tabindex"):
        return False
    if tag.has_attr("hidden") or tag.get("tabindex", "").strip() == "-1":
        return False
    if tag.name == "a":
        return tag.has_attr("href")
    if tag.name == "input":
        return tag.get("type", "text").lower() != "hidden"
    if tag.name == "details":
        return tag.find("summary") is None  # the summary takes the focus then
    return True


def html_findings(html):
    soup = BeautifulSoup(html, "html.parser")
    found = []
    document = soup.find("html")
    if document is None or document.get("lang") != "nl":
        found.append(f'<html lang="{document and document.get("lang")}"> in plaats van "nl"')
    h1s = soup.find_all("h1")
    if len(h1s) != 1:
        found.append(f"{len(h1s)} <h1>-koppen in plaats van één")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if not title.split("·")[0].strip():
        found.append(f"geen titel: <title>{title}</title>")
    body = soup.body or soup
    first = next((tag for tag in body.find_all(True) if focusable(tag)), None)
    target = (first.get("href") or "") if first is not None and first.name == "a" else ""
    if not target.startswith("#") or soup.find(id=target[1:]) is None:
        shown = str(first)[:80] if first is not None else "niets"
        found.append(f"het eerste element voor het toetsenbord is geen overslaglink: {shown}")
    for name, address in loaded_addresses(soup):
        if external(address):
            found.append(f"laadt van een andere host: <{name}> {address}")
    return found


def findings(fetched):
    found = []
    if fetched.status >= 500:
        found.append(f"antwoordt {fetched.status}")
    elif fetched.status in (404, 405, 410) and fetched.linked:
        found.append(f"antwoordt {fetched.status}, maar de site linkt ernaar")
    elif fetched.address == NOT_FOUND and fetched.status != 404:
        found.append(f"een onbekend adres antwoordt {fetched.status} in plaats van 404")
    if fetched.html and fetched.address != "/admin/":
        found += html_findings(fetched.html)
    elif fetched.html:
        # Wagtail's admin is not our template; it still loads nothing from elsewhere.
        found += [f for f in html_findings(fetched.html) if "andere host" in f]
    return found


def report(visitor, pages):
    lines = []
    for fetched in pages:
        for finding in findings(fetched):
            lines.append(f"{fetched.address} ({fetched.source}): {finding}")
    return f"{len(lines)} bevinding(en) voor {visitor} over {len(pages)} adressen:\n" + "\n".join(
        lines
    )


@pytest.fixture
def demo(settings, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    load_demo(settings)


# The demo's 40 pages, 30 begrippen and their links: some 300 to 400 requests per visitor.
@pytest.mark.timeout(300)
@pytest.mark.parametrize("visitor", [ANONYMOUS, MEMBER, STAFF])
def test_every_address_a_visitor_can_reach_works_and_is_accessible_in_its_html(
    client, demo, visitor
):
    log_in(client, visitor)
    pages = {fetched.address: fetched for fetched in crawl(client, visitor)}
    assert not any(findings(fetched) for fetched in pages.values()), report(visitor, pages.values())
    # The crawl reached what it is for: the footer's pages, and what this visitor alone
    # may open (a personal calendar feed and a development code are a member's).
    assert pages["/toegankelijkheid/"].status == 200
    assert len([fetched for fetched in pages.values() if fetched.html]) > 100
    personal = [address for address in pages if re.match(r"/mijn-leerhuis/agenda/.+\.ics", address)]
    checked = [address for address in pages if address.startswith("/bewijs/")]
    if visitor == ANONYMOUS:
        assert not personal and not checked
    else:
        assert pages[personal[0]].status == 200 and pages[personal[0]].linked
    if visitor == MEMBER:
        assert checked and all(pages[address].status == 200 for address in checked)
    if visitor == STAFF:
        assert pages["/admin/"].status == 200, "de beheeromgeving na de tweede stap"


def test_the_checks_catch_what_they_look_for():
    """A page that breaks every rule is reported for each, so a clean crawl means something."""
    bad = """<html lang="en"><head><title> · Digitale Leerhuis</title>
        <script src="https://cdn.example.com/x.js"></script>
        <link rel="stylesheet" href="//fonts.example.com/f.css"></head>
        <body><a href="/">Home</a><a class="skip-link" href="#inhoud">Direct naar de inhoud</a>
        <img srcset="/a.png 1x, https://img.example.com/b.png 2x" alt="">
        <div style="background: url('https://img.example.com/c.png')"></div>
        <iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>
        <h1>Een</h1><h1>Twee</h1><main id="inhoud"></main></body></html>"""
    found = "\n".join(html_findings(bad))
    for expected in (
        'lang="en"',
        "2 <h1>",
        "geen titel",
        "geen overslaglink",
        "cdn.example.com",
        "fonts.example.com",
        "img.example.com/b.png",
        "img.example.com/c.png",
        "youtube-nocookie",
    ):
        assert expected in found
    good = """<html lang="nl"><head><title>Begrippen · Digitale Leerhuis</title>
        <link rel="stylesheet" href="/static/css/leerhuis.css"></head>
        <body><a class="skip-link" href="#inhoud">Direct naar de inhoud</a>
        <a href="https://www.youtube.com/watch?v=x">op YouTube</a>
        <main id="inhoud"><h1>Begrippen</h1></main></body></html>"""
    assert html_findings(good) == []
