import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from leerhuis.core.models import StandardPage

pytestmark = pytest.mark.django_db

DEMO_LOGINS = ["beheer@leerhuis.example", "lid@veenendaal.nl", "gast@voorbeeld.nl"]


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        get_user_model().objects.count(),
        sorted(get_user_model().objects.values_list("email", "password")),
    )


def test_load_demo_is_idempotent(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    out = capsys.readouterr().out
    assert "niets veranderd" in out
    for email in DEMO_LOGINS:
        assert email in out


def test_demo_accounts_are_verified_and_can_log_in(settings, client):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    User = get_user_model()
    for email in DEMO_LOGINS:
        assert EmailAddress.objects.get(email=email).verified
    assert User.objects.get(email="beheer@leerhuis.example").is_staff
    assert not User.objects.get(email="lid@veenendaal.nl").is_staff
    response = client.post(
        "/accounts/login/", {"login": "gast@voorbeeld.nl", "password": "leerhuis-demo"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_demo_password_can_be_overridden(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "ander-demo-wachtwoord")
    call_command("load_demo", "--quiet-logins")
    user = get_user_model().objects.get(email="lid@veenendaal.nl")
    assert user.check_password("ander-demo-wachtwoord")


def test_demo_pages_are_published(settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {"over-ons", "contact", "privacy", "toegankelijkheid"} <= slugs


def test_load_demo_refuses_to_run_without_debug(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("LEERHUIS_ALLOW_DEMO", raising=False)
    with pytest.raises(CommandError, match="productie"):
        call_command("load_demo")
    assert not get_user_model().objects.exists()


def test_load_demo_points_the_site_at_base_url(settings):
    from wagtail.models import Site

    settings.DEBUG = True
    settings.BASE_URL = "http://127.0.0.1:8123"
    call_command("load_demo", "--quiet-logins")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)


def test_load_demo_never_overwrites_an_edited_home_page(settings):
    from leerhuis.core.models import HomePage

    settings.DEBUG = True
    home = HomePage.objects.get()
    home.intro = "<p>Door de redactie geschreven.</p>"
    home.body = []
    home.save_revision().publish()
    call_command("load_demo", "--quiet-logins")
    home.refresh_from_db()
    assert home.intro == "<p>Door de redactie geschreven.</p>"
    assert not home.body
