"""Shared by the browser tests of meetings and feeds: logging in, addresses, what sticks out."""

from contextlib import contextmanager

from playwright.sync_api import expect

from tests.factories import PASSWORD

ONLINE_URL = "https://meet.example.org/opgave-sturing-4821"


@contextmanager
def browser_page(browser, live_server, *, viewport=None, **options):
    """A page in a browser context of its own (a second person, a phone, no JavaScript),
    closed afterwards. bypass_csp lets axe's script in; the site's own pages never need it."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        bypass_csp=True,
        viewport=viewport or {"width": 1280, "height": 900},
        **options,
    )
    context.set_default_timeout(15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def path(event, route=""):
    return f"/activiteiten/{event.slug}/{route}"


def log_in(page, email):
    page.goto("/accounts/login/")
    fill_login(page, email)
    expect(page.get_by_role("link", name="Mijn Leerhuis")).to_be_visible()


def fill_login(page, email):
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def too_wide(page):
    """The innermost elements that stick out on the right: where to look when this fails."""
    return page.evaluate(
        """() => {
            const out = e => e.getBoundingClientRect().right > window.innerWidth + 0.5;
            return [...document.querySelectorAll("body *")]
                .filter(e => out(e) && ![...e.children].some(out))
                .slice(0, 5)
                .map(e => e.outerHTML.slice(0, 100));
        }"""
    )
