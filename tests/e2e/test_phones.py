"""Phones first (issue 17): no page of the demo scrolls sideways on a 320 px phone, the meeting
page tells when and where before it asks you to sign up, and the main menu folds behind a
button that opens from the keyboard and without JavaScript.

The width test walks the demo as its three kinds of visitor do, with the addresses taken from
the demo's own data (the page tree, the begrippen, the registrations) so a new page or begrip
is checked without touching this file. One load per address keeps it quick.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from events.models import EventPage, Registration
from glossary.models import Concept
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import browser_page
from tests.events_factories import EventPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_PASSWORD = "leerhuis-demo"
MEMBER = "lid@veenendaal.nl"
GUEST = "gast@voorbeeld.nl"
NARROWEST = 320
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}

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
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins", verbosity=0)
    settings.DEBUG = False


def log_in(page, email):
    page.goto(reverse("account_login"))
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("link", name="Mijn Leerhuis")).to_be_visible()


def public_addresses():
    """Every live page of the tree, every begrip, the site's own views and the 404 page."""
    pages = [page.url for page in Page.objects.live().specific().filter(depth__gt=1)]
    first = EventPage.objects.live().filter(start__gte=timezone.now()).order_by("start").first()
    month = timezone.localtime(first.start).strftime("%Y-%m")
    concepts = [
        reverse("begrip", args=[slug]) for slug in Concept.objects.values_list("slug", flat=True)
    ]
    views = [
        f"/activiteiten/?maand={month}",
        "/activiteiten/?archief=1",
        reverse("begrippen"),
        reverse("leden"),
        reverse("bestuur"),
        reverse("zoeken") + "?q=opgave",
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
        "/deze-pagina-bestaat-niet/",
    ]
    return pages + concepts + views


def personal_addresses(email):
    """What a logged-in visitor adds: Mijn Leerhuis, the account pages, every sign-up page,
    the cancel page of each place, and the forms for members."""
    events = EventPage.objects.live().order_by("path")
    signups = [event.url + "aanmelden/" for event in events]
    cancels = [
        registration.event.url + "afmelden/"
        for registration in Registration.objects.filter(user__email=email).active()
    ]
    concept = Concept.objects.order_by("slug").first()
    views = [
        reverse(name)
        for name in (
            "mijn_leerhuis",
            "mijn_profiel",
            "mijn_aanmeldingen",
            "agenda_link",
            "account_verwijderen",
            "account_email",
            "account_change_password",
            "mfa_index",
            "usersessions_list",
            "begrip_voorstellen",
            "casus_indienen",
        )
    ]
    views.append(reverse("begrip_wijziging_voorstellen", args=[concept.slug]))
    return views + signups + cancels


def too_wide(page, addresses, who):
    """The addresses that scroll sideways at 320 px, each with its widest elements."""
    found = []
    for address in addresses:
        response = page.goto(address)
        assert response.status < 500, f"{address} ({who}) geeft {response.status}"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > NARROWEST:
            found.append(f"{address} ({who}): {width} px breed; {page.evaluate(WIDEST)}")
    return found


# Loading the demo and some 130 pages outlasts the house's 120 s on a busy machine.
@pytest.mark.timeout(360)
def test_no_page_of_the_demo_is_wider_than_a_320_px_phone(browser, live_server, demo):
    viewport = {"width": NARROWEST, "height": 700}
    with browser_page(browser, live_server, viewport=viewport) as page:
        found = too_wide(page, public_addresses(), "bezoeker")
    for email in (MEMBER, GUEST):
        with browser_page(browser, live_server, viewport=viewport) as page:
            log_in(page, email)
            found += too_wide(page, personal_addresses(email), email)
    assert not found, "Breder dan 320 px:\n" + "\n".join(found)


def test_the_meeting_page_says_when_and_where_before_the_sign_up_box(page):
    event = EventPageFactory(title="Programmamanagement: sturen op effecten")
    page.set_viewport_size(PHONE)
    page.goto(event.url)
    when = page.get_by_text("Wanneer", exact=True)
    where = page.get_by_text("Waar", exact=True)
    signup = page.get_by_role("heading", name="Aanmelden", exact=True)
    # First in reading order (screen readers, no CSS) and first on the screen.
    assert page.evaluate(
        """([when, where, box]) => [when, where].every(
            e => e.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING
        )""",
        [when.element_handle(), where.element_handle(), signup.element_handle()],
    )
    assert where.bounding_box()["y"] < signup.bounding_box()["y"]
    # The other facts (type, region, places) wait until after the box on a phone.
    kind = page.get_by_text("Soort", exact=True)
    assert signup.bounding_box()["y"] < kind.bounding_box()["y"]
    assert_accessible(page, "activiteit op 375 px, menu dicht")
    menu(page).locator("summary", has_text="Menu").click()
    expect(menu(page).get_by_role("link", name="Begrippen")).to_be_visible()
    assert_accessible(page, "activiteit op 375 px, menu open")

    # Wide: the box in its side column, beside Wanneer.
    page.set_viewport_size(DESKTOP)
    assert signup.bounding_box()["x"] > when.bounding_box()["x"] + 400
    assert abs(signup.bounding_box()["y"] - when.bounding_box()["y"]) < 60
    assert_accessible(page, "activiteit op 1280 px")


def menu(page):
    return page.get_by_role("navigation", name="Hoofdmenu")


def test_the_menu_folds_behind_a_button_that_the_keyboard_opens(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto("/")
    button = menu(page).locator("summary", has_text="Menu")
    link = menu(page).get_by_role("link", name="Begrippen")
    expect(button).to_be_visible()
    expect(link).to_be_hidden()

    button.focus()
    page.keyboard.press("Enter")
    expect(link).to_be_visible()
    page.keyboard.press("Space")
    expect(link).to_be_hidden()
    page.keyboard.press("Space")
    expect(link).to_be_visible()
    # From the button straight into the links, each with the house's yellow focus.
    page.keyboard.press("Tab")
    first = menu(page).get_by_role("link").first
    expect(first).to_be_focused()
    focus = page.evaluate("() => getComputedStyle(document.activeElement).backgroundColor")
    assert focus == "rgb(255, 221, 0)"

    # The skip link still comes first and lands on the content.
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()

    # Wide: no button, the links as a bar.
    page.set_viewport_size(DESKTOP)
    expect(button).to_be_hidden()
    expect(link).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_the_menu_works_without_javascript(browser, live_server, viewport):
    with browser_page(browser, live_server, viewport=viewport, java_script_enabled=False) as page:
        page.goto("/")
        link = menu(page).get_by_role("link", name="Begrippen")
        if viewport is PHONE:
            expect(link).to_be_hidden()
            menu(page).locator("summary", has_text="Menu").click()
        link.click()
        expect(page).to_have_url(f"{live_server.url}/begrippen/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
