"""A member finds a meeting, signs up and cancels with the keyboard alone (issue 22, item 4;
WCAG 2.1.1 keyboard, 2.4.7 focus visible, 2.4.11 focus not obscured).

Nothing here clicks or points: only Tab, Shift+Tab, Enter, Space and typing, from the home
page on. After every key that moves the focus the focused element must show a focus
indicator (an outline or a box-shadow that contrasts with what surrounds it, not merely a
style that is set) and be inside the window. axe runs on every page the journey reaches.
"""

import re

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from events.models import EventPage, Registration, RegistrationStatus
from events.models.choices import Form
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import browser_page
from tests.trust.crawl import MEMBER, load_demo, log_in

pytestmark = pytest.mark.django_db(transaction=True)

# What has the focus, whether its indicator shows, and where it is. The indicator counts
# when one of its colours (outline, box-shadow) reaches 3:1 against the element's own
# background or the background around it (WCAG 1.4.11's ratio for what must be seen).
FOCUS = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const rgb = text => (text.match(/rgba?\\([^)]*\\)/g) || []).map(c => {
        const [r, g, b, a = 1] = c.match(/[\\d.]+/g).map(Number);
        return {r, g, b, a};
    }).filter(c => c.a > 0);
    const luminance = ({r, g, b}) => {
        const [R, G, B] = [r, g, b].map(v => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const ratio = (x, y) => {
        const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p);
        return (a + 0.05) / (b + 0.05);
    };
    const background = start => {
        for (let e = start; e; e = e.parentElement) {
            const [colour] = rgb(getComputedStyle(e).backgroundColor);
            if (colour) return colour;
        }
        return {r: 255, g: 255, b: 255, a: 1};
    };
    const style = getComputedStyle(element);
    const colours = [];
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) {
        colours.push(...rgb(style.outlineColor));
    }
    if (style.boxShadow !== "none") colours.push(...rgb(style.boxShadow));
    const grounds = [background(element), background(element.parentElement)];
    const best = Math.max(0, ...colours.flatMap(c => grounds.map(g => ratio(c, g))));
    const box = element.getBoundingClientRect();
    const inside = box.bottom > 0 && box.right > 0
        && box.top < window.innerHeight && box.left < window.innerWidth
        && box.width > 0 && box.height > 0;
    const label = element.labels && element.labels.length ? element.labels[0].innerText : "";
    const name = (label || element.innerText || element.getAttribute("aria-label") || "")
        .trim().replace(/\\s+/g, " ").slice(0, 80);
    const tag = element.type === "checkbox" ? "checkbox" : element.tagName.toLowerCase();
    return {tag, name, contrast: best, inside,
            shown: `<${element.tagName.toLowerCase()}> "${name}"`};
}"""


@pytest.fixture
def member_page(browser, live_server, settings, monkeypatch):
    """The demo, with the member logged in beforehand (the journey starts logged in)."""
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    load_demo(settings)
    client = Client()
    log_in(client, MEMBER)
    with browser_page(browser, live_server) as page:
        page.context.add_cookies(
            [
                {"name": name, "value": morsel.value, "url": live_server.url}
                for name, morsel in client.cookies.items()
            ]
        )
        yield page


def focused(page):
    state = page.evaluate(FOCUS)
    assert state is not None, "na Tab heeft niets de focus"
    assert state["contrast"] >= 3, f"geen zichtbare focus op {state['shown']}"
    assert state["inside"], f"{state['shown']} heeft de focus maar staat buiten beeld"
    return state


def tab_to(page, name, tag=None, key="Tab", limit=120):
    """Press Tab (or Shift+Tab) until an element named `name` has the focus, checking the
    focus after every press."""
    for _ in range(limit):
        page.keyboard.press(key)
        state = focused(page)
        if re.search(name, state["name"]) and (tag is None or state["tag"] == tag):
            return state
    raise AssertionError(f"met {key} nooit bij {name!r} gekomen")


def open_meeting(member):
    """The first coming online meeting the member is not signed up for: its form asks the
    fewest questions (no diet, no workshop)."""
    taken = Registration.objects.filter(user__email=member).values("event_id")
    return (
        EventPage.objects.live()
        .filter(start__gte=timezone.now(), form=Form.ONLINE, learning_track__isnull=True)
        .exclude(pk__in=taken)
        .order_by("start")
        .first()
    )


@pytest.mark.timeout(240)
def test_a_member_signs_up_and_cancels_with_the_keyboard_alone(member_page):
    page = member_page
    meeting = open_meeting(MEMBER)
    assert meeting is not None
    page.goto("/")
    assert_accessible(page, "home")

    # The skip link comes first and is seen; then on through the menu to the calendar.
    assert tab_to(page, ".", limit=1)["name"] == "Direct naar de inhoud"
    tab_to(page, "^Activiteiten$", tag="a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/activiteiten/$"))
    assert_accessible(page, "activiteitenkalender")

    tab_to(page, re.escape(meeting.title), tag="a")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(meeting.title)
    assert_accessible(page, "activiteit")

    tab_to(page, "^Aanmelden$", tag="a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(meeting.url) + "aanmelden/$"))
    assert_accessible(page, "aanmeldformulier")

    # The form: type an answer, tick the box with Space, send with Enter.
    tab_to(page, "^Wat heb je nodig", tag="input")
    page.keyboard.type("Ondertiteling graag.")
    tab_to(page, "^Andere deelnemers mogen", tag="checkbox")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    # One step back and forth again: Shift+Tab keeps a visible focus too.
    tab_to(page, "^Wat heb je nodig", tag="input", key="Shift+Tab")
    tab_to(page, "^Meld me aan$", tag="button")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent aangemeld")
    assert_accessible(page, "ontvangstbewijs")
    registration = Registration.objects.get(event=meeting, user__email=MEMBER)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.accessibility == "Ondertiteling graag."

    tab_to(page, "^Afmelden$", tag="a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(meeting.url) + "afmelden/$"))
    assert_accessible(page, "afmelden")
    tab_to(page, "^Ja, meld me af$", tag="button")
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text(f"Je bent afgemeld voor {meeting.title}.")
    assert_accessible(page, "activiteit na afmelden")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_the_focus_check_fails_on_a_missing_or_faint_indicator(page):
    """The check itself: no indicator, or one too faint to see, is a failure."""
    page.set_content(
        '<html lang="nl"><body style="background:#fff">'
        '<a href="#" style="outline:none">geen</a> '
        '<a href="#" style="outline:2px solid #eee">vaag</a> '
        '<a href="#" style="outline:3px solid #0b0c0c">goed</a></body></html>'
    )
    for expected in ("geen", "vaag"):
        page.keyboard.press("Tab")
        with pytest.raises(AssertionError, match=f'geen zichtbare focus op <a> "{expected}"'):
            focused(page)
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "goed"
