"""Every limit of the site: past it, the Dutch 429 page (with Retry-After) and nothing
stored; another person goes on as before. The limits are lowered here (they are module
constants read on each request) so a test needs a handful of posts, not thirty."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from glossary import proposal_views
from glossary.models import Proposal
from leerhuis.knowledge import case_views
from leerhuis.knowledge.models import CasePage
from leerhuis.search import views as search_views
from tests.events_factories import member, themes
from tests.factories import PASSWORD
from tests.knowledge.case_helpers import form_data
from tests.knowledge_factories import kennisbank_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]

ANOTHER_ADDRESS = {"REMOTE_ADDR": "203.0.113.9"}


def assert_dutch_429(response):
    assert response.status_code == 429
    assert "Te veel pogingen achter elkaar" in response.content.decode()
    assert int(response["Retry-After"]) > 0


def test_case_submission_is_limited_per_member(client, monkeypatch):
    monkeypatch.setattr(case_views, "POST_LIMIT", 2)
    kennisbank_page()
    data = form_data(themes("Wonen")[0], actie="opslaan")
    client.force_login(member())
    assert [client.post("/kennisbank/casus-indienen/", data).status_code for _ in range(2)] == [
        302,
        302,
    ]
    assert_dutch_429(client.post("/kennisbank/casus-indienen/", data))
    assert CasePage.objects.count() == 2

    client.force_login(member())
    assert client.post("/kennisbank/casus-indienen/", data).status_code == 302
    assert CasePage.objects.count() == 3


def test_begrip_proposals_are_limited_per_member(client, monkeypatch):
    monkeypatch.setattr(proposal_views, "POST_LIMIT", 1)
    good = {
        "pref_label": "wyberen",
        "definition": "Een methode om met betrokkenen een opgave te verkennen.",
        "explanation": "",
        "reason": "Komt in veel bijeenkomsten terug.",
    }
    client.force_login(member())
    assert client.post("/begrippen/voorstellen/", {"pref_label": ""}).status_code == 200
    assert_dutch_429(client.post("/begrippen/voorstellen/", good))
    assert not Proposal.objects.exists()

    client.force_login(member())
    assert client.post("/begrippen/voorstellen/", good).status_code == 302
    assert Proposal.objects.count() == 1


def test_search_is_limited_per_address_for_anonymous_visitors(client, monkeypatch):
    monkeypatch.setattr(search_views, "SEARCH_LIMIT", 3)
    assert [client.get("/zoeken/", {"q": f"opgave {i}"}).status_code for i in range(3)] == [200] * 3
    assert_dutch_429(client.get("/zoeken/", {"q": "nog een"}))
    # The search page itself, without a search, is never refused.
    assert client.get("/zoeken/").status_code == 200
    assert client.get("/zoeken/", {"q": "nog een"}, **ANOTHER_ADDRESS).status_code == 200


def test_search_is_limited_per_account_for_members(client, monkeypatch):
    monkeypatch.setattr(search_views, "SEARCH_LIMIT", 2)
    client.force_login(member())
    for i in range(2):
        assert client.get("/zoeken/", {"q": f"opgave {i}"}).status_code == 200
    assert_dutch_429(client.get("/zoeken/", {"q": "opgave"}))
    # Another member on the same address (one office, one proxy) searches on.
    client.force_login(member())
    assert client.get("/zoeken/", {"q": "opgave"}).status_code == 200


def test_sign_up_is_limited_per_address_and_stores_nothing_past_it(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}

    def sign_up(email, **extra):
        data = {"full_name": "Ruud", "email": email, "password1": PASSWORD, "password2": PASSWORD}
        return client.post("/accounts/signup/", data, **extra)

    assert [sign_up(f"p{i}@tilburg.nl").status_code for i in range(2)] == [302, 302]
    assert_dutch_429(sign_up("derde@tilburg.nl"))
    assert not get_user_model().objects.filter(email="derde@tilburg.nl").exists()
    assert not EmailAddress.objects.filter(email="derde@tilburg.nl").exists()
    assert sign_up("derde@tilburg.nl", **ANOTHER_ADDRESS).status_code == 302


def test_the_admin_login_is_allauths_with_its_limit(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    response = client.get("/admin/login/", {"next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    login = response["Location"]
    for _ in range(2):
        assert client.post(login, {"login": "x@tilburg.nl", "password": "fout"}).status_code == 200
    limited = client.post(login, {"login": "x@tilburg.nl", "password": "fout"})
    assert_dutch_429(limited)
    assert "private" in limited["Cache-Control"]
    other = client.post(login, {"login": "x@tilburg.nl", "password": "fout"}, **ANOTHER_ADDRESS)
    assert other.status_code == 200
