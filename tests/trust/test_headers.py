"""The security headers as a browser gets them: on a public page (also when it comes from
the page cache), a member's page, an error page, a static file and the admin, and HSTS as
production sends it behind its proxy (issue 22, item 1 and defect (f))."""

import re

import pytest
from django.test import override_settings

from tests.factories import StaffFactory, UserFactory
from tests.trust.production import production_settings

pytestmark = pytest.mark.django_db

PLAYERS = '"https://www.youtube-nocookie.com" "https://player.vimeo.com"'


def directives(header):
    """'a b; c d' -> {"a": ["b"], "c": ["d"]}: a CSP or Permissions-Policy as a dict."""
    if ";" in header:
        parts = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
        return {name: (rest[0].split() if rest else []) for name, *rest in parts}
    found = re.findall(r"([a-z-]+)=\(([^)]*)\)", header)
    return {name: allowed.split() for name, allowed in found}


def assert_site_headers(response):
    """What every page of the public site and of the members' part carries."""
    csp = directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]  # no 'unsafe-inline', no other host
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"
    # The frames the CSP lets in are the ones that may go full screen.
    players = [f'"{host}"' for host in csp["frame-src"] if host != "'self'"]
    assert players == PLAYERS.split()
    assert_common_headers(response)


def assert_common_headers(response, camera=()):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = directives(response["Permissions-Policy"])
    for feature in ["microphone", "geolocation", "payment", "usb", "browsing-topics"]:
        assert policy[feature] == [], feature
    assert policy["camera"] == list(camera)
    # The video players may go full screen, on this site and on the two player hosts only.
    assert policy["fullscreen"] == ["self", *PLAYERS.split()]


def test_a_public_page_and_its_stored_copy_carry_every_header(client, home_page):
    rendered = client.get("/")
    client.get("/")  # the page cache stores the second rendering of a generation
    stored = client.get("/")

    assert rendered.status_code == stored.status_code == 200
    assert stored.get("X-Cache") == "hit"
    for response in (rendered, stored):
        assert_site_headers(response)
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Set-Cookie" not in stored and not stored.cookies


def test_a_members_page_carries_every_header(client):
    client.force_login(UserFactory())

    response = client.get("/mijn-leerhuis/")

    assert response.status_code == 200
    assert_site_headers(response)
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_an_error_page_carries_them_too(client, home_page):
    response = client.get("/bestaat-niet-als-pagina/")

    assert response.status_code == 404
    assert_site_headers(response)


def test_a_static_file_may_be_used_elsewhere_but_asks_for_no_features(client):
    response = client.get("/static/css/leerhuis.css")

    assert response.status_code == 200
    assert_common_headers(response)
    assert "Cross-Origin-Resource-Policy" not in response


def test_the_admin_has_its_own_documented_policy(client, login_with_mfa):
    login_with_mfa(client, StaffFactory())

    response = client.get("/admin/")

    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    # Wagtail writes inline scripts and styles; no other host, no plugin, no base change.
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]  # its own previews
    assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
    # The check-in page reads tickets with the camera; nothing else of the site may.
    assert_common_headers(response, camera=["self"])
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_production_sends_hsts_behind_its_tls_proxy(client, home_page):
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_PROXY_SSL_HEADER",
    ]
    production = production_settings(*names)
    assert production["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600

    with override_settings(**production):
        over_tls = client.get("/", headers={"X-Forwarded-Proto": "https"})
        plain = client.get("/")

    assert over_tls["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert_site_headers(over_tls)
    # Over plain HTTP a browser ignores it, so it is not sent there.
    assert "Strict-Transport-Security" not in plain
