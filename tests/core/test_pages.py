import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins", verbosity=0)
    settings.DEBUG = False


def h1_count(html):
    return len(re.findall(r"<h1[\s>]", html))


def test_home_is_dutch_with_one_h1_and_a_skip_link(client, demo_site):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert h1_count(html) == 1
    assert 'href="#inhoud"' in html and 'id="inhoud"' in html
    assert "projectbureaus" in html
    # The header offers the ways in, not Mijn Leerhuis, to a visitor.
    assert "Inloggen" in html and "Account aanmaken" in html
    assert "Mijn Leerhuis" not in html


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/over-ons/", "community of practice"),
        ("/contact/", "Toin Routers"),
        ("/privacy/", "Autoriteit Persoonsgegevens"),
        ("/toegankelijkheid/", "Nationale ombudsman"),
    ],
)
def test_standard_pages_of_the_url_contract(client, demo_site, path, text):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert text in html
    assert h1_count(html) == 1


def test_navigation_and_footer_come_from_the_page_tree(client, demo_site):
    html = client.get("/over-ons/").content.decode()
    main_nav = html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    assert 'href="/over-ons/" aria-current="page"' in main_nav
    assert 'href="/contact/"' in main_nav
    footer = html.split("<footer")[1]
    assert 'href="/toegankelijkheid/"' in footer and 'href="/privacy/"' in footer
    assert "info@leerhuis.example" in footer


def test_logged_in_header_offers_mijn_leerhuis_and_logout(client, demo_site, django_user_model):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    html = client.get("/").content.decode()
    assert 'href="/mijn-leerhuis/"' in html
    assert 'action="/accounts/logout/"' in html
    assert "Inloggen" not in html


def test_unknown_page_gets_the_dutch_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Deze pagina bestaat niet" in html
    assert '<html lang="nl">' in html


def test_500_page_renders_without_request_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Er ging bij ons iets mis" in html and '<html lang="nl">' in html


def test_public_pages_send_a_strict_content_security_policy(client, demo_site):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_no_external_scripts_fonts_or_styles(client, demo_site):
    html = client.get("/").content.decode()
    # Scripts only as the site's own static files (the begrippen's Escape key), never inline.
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert all(re.search(r'src="/static/', attrs) and not body.strip() for attrs, body in scripts)
    for url in re.findall(r'(?:href|src)="(https?://[^"]+)"', html):
        pytest.fail(f"external resource on the home page: {url}")


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_pages_only(client, home_page):
    live = StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    StandardPageFactory(parent=home_page, title="Concept", slug="concept", live=False)
    response = client.get("/sitemap.xml")
    body = response.content.decode()
    assert response.status_code == 200
    assert f"http://localhost{live.url}" in body or "/over-ons/" in body
    assert "/concept/" not in body


@time_machine.travel(datetime(2026, 11, 28, 15, 30, tzinfo=UTC), tick=False)
def test_security_txt_follows_rfc_9116_with_a_computed_expiry(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert re.search(r"^Contact: mailto:\S+$", body, re.M)
    expires = re.search(r"^Expires: (\S+)$", body, re.M).group(1)
    assert expires == "2027-05-27T00:00:00Z"  # midnight UTC + 180 days, less than a year
    assert "Canonical: http://testserver/.well-known/security.txt" in body


@time_machine.travel(datetime(2027, 3, 1, tzinfo=UTC), tick=False)
def test_security_txt_expiry_moves_with_time(client):
    body = client.get("/.well-known/security.txt").content.decode()
    assert "Expires: 2027-08-28T00:00:00Z" in body


@pytest.mark.parametrize("slug", ["agenda", "feed", "aanmelden", "begrippenkader"])
def test_reserved_slugs_are_refused(home_page, slug):
    from django.core.exceptions import ValidationError

    from leerhuis.core.models import StandardPage

    page = StandardPage(title="Agenda", slug=slug)
    with pytest.raises(ValidationError) as excinfo:
        home_page.add_child(instance=page)
    assert "gereserveerd" in str(excinfo.value)


@override_settings(DEBUG=False)
def test_csrf_failure_is_a_dutch_403(home_page):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "x@y.nl", "password": "z"})
    assert response.status_code == 403
    assert "Dit formulier is verlopen" in response.content.decode()


def test_pages_carry_open_graph_metadata(client, demo_site):
    html = client.get("/over-ons/").content.decode()
    assert '<meta property="og:title" content="Over ons">' in html
    assert '<meta property="og:url" content="http://testserver/over-ons/">' in html
    assert '<meta property="og:locale" content="nl_NL">' in html


def test_sitemap_links_to_the_address_in_base_url(client, home_page):
    StandardPageFactory(parent=home_page, title="Contact", slug="contact")
    body = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/contact/</loc>" in body


def test_permission_denied_is_a_dutch_403_with_a_way_in(rf, home_page):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied
    from django.views.defaults import permission_denied

    request = rf.get("/kennisbank/alleen-leden/")
    request.user = AnonymousUser()
    response = permission_denied(request, PermissionDenied())
    html = response.content.decode()
    assert response.status_code == 403
    assert "Je hebt geen toegang tot deze pagina" in html
    assert 'href="/accounts/login/?next=/kennisbank/alleen-leden/"' in html


def _queries_for(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.usefixtures("page_cache_off")
def test_menu_and_footer_queries_do_not_grow_with_pages(client, home_page):
    StandardPageFactory(parent=home_page, show_in_menus=True, show_in_footer=True)
    one = _queries_for(client, "/")
    for _ in range(19):
        StandardPageFactory(parent=home_page, show_in_menus=True, show_in_footer=True)
    twenty = _queries_for(client, "/")
    html = client.get("/").content.decode()
    assert html.count('<li><a href="/pagina-') >= 40  # all twenty, in menu and footer
    assert one == twenty


def test_a_button_block_needs_a_page_or_an_address():
    from wagtail.blocks import StructBlockValidationError

    from leerhuis.core.blocks import CallToActionBlock

    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python({"text": "Meld je aan", "page": None, "url": ""}))
    assert "Kies een pagina of vul een adres in." in str(excinfo.value.block_errors["page"])
    assert block.clean(block.to_python({"text": "Lees meer", "url": "https://example.org/"}))


def test_favicon_ico_answers_with_the_house_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".ico")
    assert "max-age=86400" in response["Cache-Control"]
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    body = b"".join(icon.streaming_content) if icon.streaming else icon.content
    assert body[:4] == b"\x00\x00\x01\x00"  # the ICO signature
