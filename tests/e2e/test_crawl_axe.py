"""The whole demo in a browser (issue 22, item 4): axe-core with the WCAG 2.0, 2.1 and 2.2 A
and AA tags finds nothing at 320, 375 and 1280 px, and no page scrolls sideways on a 320 px
phone (issue 17).

The addresses are those of the client crawl (tests/trust/crawl.py): the sitemap, menu and
footer, the URL contract, what `visible_to` shows the visitor, and the links one level
beyond.

Axe runs on one page per template and filter state per visitor — the first address whose
answer rendered that page template with those query parameters and that status — chosen
automatically from the crawl, since axing all of them at three widths would take some
twenty minutes on a two-core machine; the client crawl (tests/trust/test_crawl.py) still
checks every address. Axe runs at 320 px, and again after widening the window to 375 and
1280 px, without a reload. The width check runs at 320 px on every HTML page an anonymous
visitor reaches (every page, begrip and thread, where long words live) and on each
representative of the logged-in visitors (their personal pages and forms); a public page
differs for them only in the header, which their representatives cover.

Wagtail's admin dashboard is crawled by the client only: it is Wagtail's template, checked
by the admin's own browser tests (tests/e2e/admin.py).
"""

from urllib.parse import parse_qsl, urlsplit

import pytest
from django.test import Client

from tests.e2e.axe import violations
from tests.e2e.helpers import browser_page
from tests.trust.crawl import ANONYMOUS, GUEST, MEMBER, STAFF, crawl, load_demo, log_in

pytestmark = pytest.mark.django_db(transaction=True)

NARROWEST = 320
WIDTHS = (NARROWEST, 375, 1280)
HEIGHT = 800

# The innermost elements that reach past the right edge, counting text that overflows its
# own box (a long word sticks out of a heading without widening the heading).
WIDEST = """() => {
    const limit = window.innerWidth + 0.5;
    const right = e => {
        const box = e.getBoundingClientRect();
        return Math.max(box.right, box.left + e.scrollWidth);
    };
    const clipped = e => {
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            const style = getComputedStyle(a);
            if (style.overflowX !== "visible" && a.getBoundingClientRect().right <= limit) {
                return true;
            }
        }
        return false;
    };
    const wide = [...document.querySelectorAll("body *")].filter(
        e => right(e) > limit && !clipped(e)
    );
    return wide
        .filter(e => !wide.some(other => other !== e && e.contains(other)))
        .slice(0, 3)
        .map(e => `${Math.round(right(e))} px: ${e.outerHTML.replace(/\\s+/g, " ").slice(0, 120)}`);
}"""


@pytest.fixture
def demo(settings, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    load_demo(settings)


def page_template(fetched):
    """The page's own template: the one that extends base.html (rendered just before it),
    not an include rendered earlier in the view."""
    names = fetched.templates
    if "base.html" in names and names.index("base.html") > 0:
        return names[names.index("base.html") - 1]
    return names[0] if names else urlsplit(fetched.address).path


def representatives(pages):
    """One address per page template, query parameters and status."""
    chosen = {}
    for fetched in pages:
        parameters = tuple(sorted({name for name, _ in parse_qsl(urlsplit(fetched.address).query)}))
        key = (page_template(fetched), parameters, fetched.status)
        chosen.setdefault(key, fetched.address)
    return set(chosen.values())


def axe_findings(page, address, width):
    lines = []
    for violation in violations(page):
        targets = "; ".join(", ".join(map(str, node["target"])) for node in violation["nodes"][:3])
        lines.append(f"{address} @ {width} px: {violation['id']} ({violation['help']}): {targets}")
    return lines


def walk(browser, live_server, visitor):
    """Crawl as the visitor with the test client, then load its pages in the browser with
    the same session: the width check on each page loaded, axe on each representative."""
    client = Client()
    log_in(client, visitor)
    pages = [
        fetched
        for fetched in crawl(client, visitor)
        if fetched.html and fetched.status in (200, 403, 404) and fetched.address != "/admin/"
    ]
    axed = representatives(pages)
    if visitor != ANONYMOUS:
        pages = [fetched for fetched in pages if fetched.address in axed]
    found = []
    viewport = {"width": NARROWEST, "height": HEIGHT}
    with browser_page(browser, live_server, viewport=viewport) as page:
        page.context.add_cookies(
            [
                {"name": name, "value": morsel.value, "url": live_server.url}
                for name, morsel in client.cookies.items()
            ]
        )
        for fetched in pages:
            page.set_viewport_size(viewport)
            response = page.goto(fetched.address)
            assert response.status == fetched.status, f"{fetched.address}: {response.status}"
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > NARROWEST:
                found.append(f"{fetched.address}: {width} px breed; {page.evaluate(WIDEST)}")
            if fetched.address not in axed:
                continue
            for size in WIDTHS:
                page.set_viewport_size({"width": size, "height": HEIGHT})
                found += axe_findings(page, fetched.address, size)
    assert len(axed) > 20, f"te weinig sjablonen voor {visitor}: {len(axed)}"
    return found


def check(browser, live_server, visitor):
    found = walk(browser, live_server, visitor)
    assert not found, f"{len(found)} bevinding(en) voor {visitor}:\n" + "\n".join(found)


# Each walk runs axe three times on some 50 pages; the anonymous one loads 150 pages more.
@pytest.mark.timeout(300)
def test_anonymous_pages_pass_axe_and_fit_a_phone(browser, live_server, demo):
    check(browser, live_server, ANONYMOUS)


@pytest.mark.timeout(300)
def test_member_pages_pass_axe_and_fit_a_phone(browser, live_server, demo):
    check(browser, live_server, MEMBER)


@pytest.mark.timeout(300)
def test_guest_pages_pass_axe_and_fit_a_phone(browser, live_server, demo):
    """A verified account whose organisation is not a member: the refusals members-only
    content gives, and the account pages."""
    check(browser, live_server, GUEST)


@pytest.mark.timeout(300)
def test_staff_pages_pass_axe_and_fit_a_phone(browser, live_server, demo):
    check(browser, live_server, STAFF)
