"""Every address of the demo a visitor can reach, gathered the ways the site hands them out.

Issue 22 asks for tests over the whole site, not page by page, so nothing here is a list of
pages: the addresses come from the site itself and the demo's data, and a new page, begrip,
route or link is crawled without touching this file. For one visitor (anonymous, a member,
staff) they are:

- every <loc> of /sitemap.xml;
- every link in the main menu and footer of the home page;
- every route of the URL contract (DESIGN.md, "Public contract") with real slugs, tokens and
  filter values from the demo;
- every page, thread and group the visitor's own `visible_to(user)` querysets return;
- and the same-site links on all of those, one level deep: bounded, each address once, no
  log-out or delete links, never a POST.

`crawl()` fetches them with Django's test client and keeps what the checks need; the browser
crawl (tests/e2e/test_crawl_axe.py) takes one address per template from it.
"""

import re
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from events.development import codes
from events.development.record import counted_registrations
from events.models import EventPage, PersonalFeed, Registration
from events.models.choices import EventType, Form
from glossary.models import Concept
from leerhuis.community.models import Thread
from leerhuis.community.services.following import summary_token
from leerhuis.core.themes import Thema
from leerhuis.knowledge.digest.links import token_for
from leerhuis.knowledge.models import ArticleKind
from members.access import visible_to
from members.models import Groep
from tests.members.mfa import activate_totp, totp_code

PASSWORD = "leerhuis-demo"  # noqa: S105 - the demo's, printed by `make run`
MEMBER = "lid@veenendaal.nl"
STAFF = "beheer@leerhuis.example"
GUEST = "gast@voorbeeld.nl"  # a verified account, organisation not a member
ANONYMOUS = "bezoeker"
VISITORS = (ANONYMOUS, MEMBER, STAFF)
NOT_FOUND = "/deze-pagina-bestaat-niet/"

# Enough for every address of the demo (some 400 per visitor) with room to grow; a link
# explosion (a filter on every filter) stops here rather than running for minutes.
MAX_ADDRESSES = 900
# Links one level deep: at most this many query strings per path (filters, pages, ?next=).
MAX_VARIANTS = 6
# Not followed: what ends the session or removes something (their GET is a confirmation
# page, but a crawler has no business there), the admin beyond its dashboard (Wagtail's,
# not ours), and media files, which the web server serves in production, not Django.
SKIP = re.compile(
    r"/accounts/logout/|verwijderen|intrekken|/delete/|^/admin/.|^/static/|^"
    + re.escape(settings.MEDIA_URL)
)


@dataclass
class Fetched:
    address: str
    source: str  # sitemap, menu, contract, zichtbaar, or the page that links here
    status: int
    content_type: str = ""
    html: str = ""
    templates: list = field(default_factory=list)  # rendered, in order; none if cached
    location: str = ""
    linked: bool = field(default=False)  # the site itself handed out this address


def load_demo(settings):
    settings.DEBUG = True  # load_demo refuses to run in production
    call_command("load_demo", "--quiet-logins", verbosity=0)
    settings.DEBUG = False


def user_for(visitor):
    if visitor == ANONYMOUS:
        return AnonymousUser()
    return get_user_model().objects.get(email=visitor)


def log_in(client, visitor):
    """Log in as the visitor does, through allauth; staff also with an authenticator code,
    which the admin asks for."""
    if visitor == ANONYMOUS:
        return
    user = user_for(visitor)
    secret = activate_totp(user) if user.is_staff else None
    response = client.post(reverse("account_login"), {"login": visitor, "password": PASSWORD})
    assert response.status_code == 302, f"inloggen als {visitor} mislukt"
    if secret:
        client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})


def contract_addresses(user):
    """The routes of DESIGN.md's URL contract, with the demo's own slugs and tokens."""
    meeting = EventPage.objects.live().filter(start__gte=timezone.now()).order_by("start")[0]
    month = timezone.localtime(meeting.start).strftime("%Y-%m")
    theme = Thema.objects.order_by("slug").values_list("slug", flat=True).first() or "x"
    concept = Concept.objects.live().order_by("slug").first()
    addresses = [
        "/",
        "/activiteiten/",
        f"/activiteiten/?thema={theme}",
        f"/activiteiten/?type={EventType.WEBINAR}",
        f"/activiteiten/?type={EventType.LEERGANG}",
        f"/activiteiten/?vorm={Form.ONLINE}",
        "/activiteiten/?regio=landelijk",
        f"/activiteiten/?maand={month}",
        "/activiteiten/?archief=1",
        "/activiteiten/agenda.ics",
        f"/activiteiten/agenda.ics?thema={theme}",
        f"/activiteiten/agenda.ics?type={EventType.WEBINAR}",
        f"{meeting.url}agenda.ics",
        "/begrippen/",
        "/begrippen/?q=opgave",
        "/begrippen/?letter=p",
        f"/begrippen/{concept.slug}/",
        f"/begrippen/{concept.slug}.ttl",
        f"/begrippen/{concept.slug}.jsonld",
        "/begrippen/begrippenkader",
        "/begrippen/begrippenkader.ttl",
        "/begrippen/begrippenkader.jsonld",
        "/begrippen/begrippenkader.csv",
        "/kennisbank/",
        f"/kennisbank/?type={ArticleKind.PRAKTIJKCASUS}",
        f"/kennisbank/?thema={theme}",
        "/kennisbank/casus-indienen/",
        "/kennisbank/doe-de-test/",
        "/kennisbank/feed/",
        "/kennisbank/feed/atom/",
        "/leden/",
        "/leden/?q=veenendaal",
        "/bestuur/",
        "/gesprekken/",
        f"/gesprekken/?thema={theme}",
        "/gesprekken/?soort=vraag",
        "/groepen/",
        "/zoeken/",
        "/zoeken/?q=opgave",
        "/toegankelijkheid/",
        "/privacy/",
        "/over-ons/",
        "/contact/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/sitemap.xml",
        "/robots.txt",
        "/favicon.ico",
        "/.well-known/security.txt",
        NOT_FOUND,
    ]
    if user.is_authenticated:
        addresses += personal_addresses(user, meeting)
    if user.is_staff:
        addresses.append("/admin/")
    return addresses


def personal_addresses(user, meeting):
    """Mijn Leerhuis and what hangs from it, with this person's own tokens and codes."""
    feed = PersonalFeed.objects.filter(user=user).first() or PersonalFeed.issue(user)
    addresses = [
        "/mijn-leerhuis/",
        "/mijn-leerhuis/profiel/",
        "/mijn-leerhuis/organisatie/",
        "/mijn-leerhuis/mijn-gegevens/",
        "/mijn-leerhuis/aanmeldingen/",
        "/mijn-leerhuis/volgen/",
        "/mijn-leerhuis/ontwikkeling/",
        "/mijn-leerhuis/ontwikkeling/doel/",
        "/mijn-leerhuis/ontwikkeling/elders/nieuw/",
        f"/mijn-leerhuis/ontwikkeling/{timezone.localdate().year}/overzicht.csv",
        f"/mijn-leerhuis/agenda/{feed.token}.ics",
        f"/mijn-leerhuis/weekmail/afmelden/{token_for(user)}/",
        f"/mijn-leerhuis/volgen/stop/{summary_token(user)}/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/accounts/sessions/",
        "/begrippen/voorstellen/",
        "/gesprekken/nieuw/",
        f"{meeting.url}aanmelden/",
    ]
    for registration in Registration.objects.filter(user=user).active().select_related("event"):
        addresses.append(f"{registration.event.url}afmelden/")
        addresses.append(f"/mijn-leerhuis/aanmeldingen/{registration.pk}/ticket/")
    for registration in counted_registrations(user)[:3]:
        addresses.append(f"/bewijs/{codes.code_for(registration)}/")
    return addresses


def visible_addresses(user):
    """What the access policy lets this visitor see: pages, threads, and the groups listed
    for them (group content is reached from the group's page)."""
    pages = visible_to(user, Page.objects.live().filter(depth__gt=1)).specific()
    threads = visible_to(user, Thread.objects.standalone().shown())
    groups = Groep.objects.listed_for(user)
    return (
        [page.url for page in pages]
        + [
            reverse("begrip", args=[slug])
            for slug in Concept.objects.live().values_list("slug", flat=True)
        ]
        + [thread.get_absolute_url() for thread in threads]
        + [groep.get_absolute_url() for groep in groups]
    )


def sitemap_addresses(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200, "de sitemap zelf geeft geen 200"
    locs = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    return [local(loc) for loc in locs]


def local(address, base="/"):
    """The path and query of a same-site address, or None for another site or scheme."""
    parts = urlsplit(urljoin(f"http://testserver{base}", address.strip()))
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def links(html, base, where=None):
    """The same-site links of a page (or only those inside the `where` elements)."""
    soup = BeautifulSoup(html, "html.parser")
    scopes = soup.find_all(where) if where else [soup]
    found = []
    for scope in scopes:
        for anchor in scope.find_all("a", href=True):
            address = local(anchor["href"].split("#")[0] or base, base)
            if address:
                found.append(address)
    return found


def fetch(client, address, source):
    response = client.get(address)
    kind = response.get("Content-Type", "")
    # Read to the end: the test client closes a file it streams once it is read (closing
    # it by hand would also close the test's database connection).
    body = b"".join(response.streaming_content) if response.streaming else response.content
    html = body.decode() if kind.startswith("text/html") else ""
    templates = getattr(response, "templates", None) or []
    fetched = Fetched(
        address=address,
        source=source,
        status=response.status_code,
        content_type=kind,
        html=html,
        templates=[template.name for template in templates],
        location=response.get("Location", ""),
    )
    return fetched


def crawl(client, visitor):
    """Fetch every address the visitor can reach, each once, and one level of links beyond.

    Addresses from the sitemap, the menu and footer, the URL contract and visible_to are
    level 0: their links are followed. Links found on them are level 1: fetched, not
    followed. A redirect is followed at the level of the address that gave it.
    """
    user = user_for(visitor)
    queue = deque()
    seen = set()
    variants = Counter()

    def add(address, source, level, linked):
        if address is None or address in seen or SKIP.search(address):
            return
        path = address.split("?")[0]
        if level > 0 and "?" in address:
            if variants[path] >= MAX_VARIANTS:
                return
            variants[path] += 1
        seen.add(address)
        queue.append((address, source, level, linked))

    for address in sitemap_addresses(client):
        add(address, "sitemap", 0, True)
    for address in visible_addresses(user):
        add(address, "zichtbaar", 0, True)
    for address in contract_addresses(user):
        add(address, "contract", 0, address != NOT_FOUND)

    fetched = []
    while queue and len(fetched) < MAX_ADDRESSES:
        address, source, level, linked = queue.popleft()
        page = fetch(client, address, source)
        page.linked = linked
        fetched.append(page)
        if page.location:
            add(local(page.location, address), f"doorverwezen vanaf {address}", level, linked)
        if not page.html or level > 0:
            continue
        if address == "/":
            for link in links(page.html, address, where=["nav", "footer"]):
                add(link, "menu", 0, True)
        for link in links(page.html, address):
            add(link, address, 1, True)
    assert not queue, f"meer dan {MAX_ADDRESSES} adressen voor {visitor}: verhoog de grens"
    return fetched
