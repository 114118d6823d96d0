import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"
LOGIN = "/accounts/login/"


def signup_data(**overrides):
    data = {
        "full_name": "Ruud de Smit",
        "email": "ruud@sudwestfryslan.nl",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def test_signup_sends_a_dutch_verification_mail_and_does_not_log_in(client):
    response = client.post(SIGNUP, signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = get_user_model().objects.get(email="ruud@sudwestfryslan.nl")
    assert user.full_name == "Ruud de Smit"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("[Digitale Leerhuis]")
    assert "bevestig" in mail.outbox[0].body.lower()
    # Signed with the site's name, not the host the request came in on.
    assert "Digitale Leerhuis" in mail.outbox[0].body
    # Not logged in until the address is verified.
    assert "_auth_user_id" not in client.session


def test_unverified_account_cannot_log_in(client):
    client.post(SIGNUP, signup_data())
    response = client.post(LOGIN, {"login": "ruud@sudwestfryslan.nl", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_verification_link_then_login(client):
    client.post(SIGNUP, signup_data(email="Ruud@SudwestFryslan.nl"))
    link = confirmation_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert "ruud@sudwestfryslan.nl" in page.content.decode().lower()
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(email__iexact="ruud@sudwestfryslan.nl").verified

    response = client.post(LOGIN, {"login": "ruud@sudwestfryslan.nl", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
    home = client.get("/mijn-leerhuis/")
    assert "Ruud de Smit" in home.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"full_name": ""}, "full_name", "Dit is een verplicht veld."),
        ({"full_name": "   "}, "full_name", "Dit is een verplicht veld."),
        ({"full_name": "x" * 151}, "full_name", "niet meer dan 150 tekens"),
        ({"email": ""}, "email", "Dit is een verplicht veld."),
        ({"email": "geen-adres"}, "email", "geldig e-mailadres"),
        ({"email": "a@" + "b" * 320 + ".nl"}, "email", ""),
        ({"password2": "iets-anders-2026"}, "password2", "hetzelfde wachtwoord"),
        ({"password1": "kort", "password2": "kort"}, "password1", "te kort"),
        ({"password1": "12345678901", "password2": "12345678901"}, "password1", "alleen cijfers"),
        ({"password1": "", "password2": ""}, "password1", "Dit is een verplicht veld."),
    ],
)
def test_bad_signup_input_shows_the_form_again_in_dutch(client, overrides, field, message):
    response = client.post(SIGNUP, signup_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Controleer wat je hebt ingevuld" in html
    # The message sits with its field and the field points at it for screen readers.
    assert f'id="id_{field}_error"' in html
    assert re.search(rf'aria-describedby="[^"]*id_{field}_error"', html)
    if message:
        assert message in html
    assert not get_user_model().objects.exists()
    assert mail.outbox == []


def test_signup_keeps_what_was_typed_after_an_error(client):
    response = client.post(SIGNUP, signup_data(password2="iets-anders-2026"))
    html = response.content.decode()
    assert 'value="Ruud de Smit"' in html
    assert 'value="ruud@sudwestfryslan.nl"' in html


def test_signup_with_a_taken_address_does_not_reveal_the_account(client):
    existing = UserFactory(email="lid@veenendaal.nl")
    response = client.post(SIGNUP, signup_data(email="lid@veenendaal.nl"))
    # Same answer as a new address, and a mail to the owner instead of an error on screen.
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert get_user_model().objects.filter(email="lid@veenendaal.nl").count() == 1
    assert [m.to for m in mail.outbox] == [[existing.email]]


def test_password_reset_does_not_reveal_whether_an_account_exists(client):
    UserFactory(email="lid@veenendaal.nl")
    known = client.post("/accounts/password/reset/", {"email": "lid@veenendaal.nl"})
    unknown = client.post("/accounts/password/reset/", {"email": "niemand@veenendaal.nl"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 2  # the unknown address is told no account exists


def test_password_reset_link_sets_a_new_password(client):
    user = UserFactory(email="lid@veenendaal.nl")
    client.post("/accounts/password/reset/", {"email": user.email})
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1)
    new = "Nieuw-wachtwoord-2027"
    done = client.post(action, {"password1": new, "password2": new})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


def test_wrong_password_gets_a_dutch_message(client):
    UserFactory(email="lid@veenendaal.nl")
    response = client.post(LOGIN, {"login": "lid@veenendaal.nl", "password": "fout"})
    assert response.status_code == 200
    assert "niet correct" in response.content.decode()


def test_failed_logins_lock_the_account_for_a_while(client):
    UserFactory(email="lid@veenendaal.nl")
    for attempt in range(5):
        client.post(LOGIN, {"login": "lid@veenendaal.nl", "password": f"fout-{attempt}"})
    # Now even the right password is refused, with a Dutch explanation.
    response = client.post(LOGIN, {"login": "lid@veenendaal.nl", "password": PASSWORD})
    assert response.status_code == 200
    assert "Te veel inlogpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_too_many_signups_from_one_address_get_a_dutch_429(client):
    statuses = [
        client.post(SIGNUP, signup_data(email=f"persoon{i}@tilburg.nl")).status_code
        for i in range(21)
    ]
    assert statuses[:20] == [302] * 20
    assert statuses[20] == 429
    response = client.post(SIGNUP, signup_data(email="nog1@tilburg.nl"))
    assert response.status_code == 429
    assert "Te veel pogingen" in response.content.decode()


def test_logout_is_a_post_and_ends_the_session(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/accounts/logout/").status_code == 200  # a confirmation page, no logout
    assert "_auth_user_id" in client.session
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_email_change_needs_verification_of_the_new_address(client):
    user = UserFactory(email="lid@veenendaal.nl")
    client.force_login(user)
    response = client.post(
        "/accounts/email/", {"action_add": "", "email": "a.vandeklift@veenendaal.nl"}
    )
    assert response.status_code == 302
    new = EmailAddress.objects.get(email="a.vandeklift@veenendaal.nl")
    assert not new.verified
    assert mail.outbox[-1].to == ["a.vandeklift@veenendaal.nl"]
    user.refresh_from_db()
    assert user.email == "lid@veenendaal.nl"  # unchanged until verified


def test_account_pages_render_in_the_site_layout_in_dutch(client):
    for path in [LOGIN, SIGNUP, "/accounts/password/reset/"]:
        html = client.get(path).content.decode()
        assert '<html lang="nl">' in html, path
        assert 'class="site-header"' in html, path
        assert len(re.findall(r"<h1[\s>]", html)) == 1, path
    assert "Wachtwoord vergeten" in client.get("/accounts/password/reset/").content.decode()


def test_logging_in_is_never_called_aanmelden(client):
    """On this site 'aanmelden' means signing up for a meeting; logging in is 'inloggen'."""
    for path in [LOGIN, SIGNUP]:
        html = client.get(path).content.decode()
        main = html.split("<main")[1].split("</main>")[0]
        assert "Inloggen" in main or "Log dan in" in main, path
        assert "Aanmelden" not in main and "Meld je dan aan" not in main, path
    client.force_login(UserFactory())
    logout_page = client.get("/accounts/logout/").content.decode()
    assert "Weet je zeker dat je wilt uitloggen?" in logout_page
