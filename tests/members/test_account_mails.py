"""Every mail allauth sends reads like the meeting mails: Dutch in the je-form, a text and an
HTML part, the subject as heading, the right link, and the device named in words."""

import re

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.core import mail

from tests.factories import PASSWORD, UserFactory
from tests.members.mfa import totp_code

pytestmark = pytest.mark.django_db

FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
# Words of the u-form, allauth's English and the terms the site does not use.
NOT_HOUSE_STYLE = re.compile(
    r"\b(u|uw|U|Uw|alstublieft|a\.u\.b\.|Hello|Thank you|Please|twee-factor|2FA|MFA)\b"
    r"|twee-factor|tweefactor",
    re.IGNORECASE,
)


def html_part(message):
    htmls = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    assert len(htmls) == 1, message.subject
    return htmls[0]


def assert_house_style(message, link=None):
    """Both parts Dutch and in the je-form; the HTML a page of its own with the subject on top."""
    html = html_part(message)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "nl"
    subject = message.subject.removeprefix("[Digitale Leerhuis] ")
    assert message.subject.startswith("[Digitale Leerhuis] ")
    assert soup.h1.get_text(strip=True) == subject
    html_text = soup.get_text(" ")
    for text in (message.body, html_text, message.subject):
        assert not NOT_HOUSE_STYLE.search(text), NOT_HOUSE_STYLE.search(text).group(0)
    for text in (message.body, html_text):
        assert "Met vriendelijke groet" in text
        assert "Je krijgt deze e-mail omdat" in text
    if link:
        assert link in message.body
        assert link in [a["href"] for a in soup.find_all("a")]


def link_in(message, path_pattern):
    return re.search(rf"https?://[^\s/]+{path_pattern}", message.body).group(0)


def log_in(client, user, **headers):
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD}, headers=headers)
    assert client.session.get("_auth_user_id") == str(user.pk)


def test_the_sign_up_mail_asks_to_confirm_the_address_and_says_why_it_matters(client):
    client.post(
        "/accounts/signup/",
        {
            "full_name": "Ruud de Smit",
            "email": "ruud@sudwestfryslan.nl",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    [message] = mail.outbox
    assert message.subject == "[Digitale Leerhuis] Bevestig je e-mailadres"
    link = link_in(message, r"/accounts/confirm-email/[^\s/]+/")
    assert_house_style(message, link)
    assert "Beste Ruud de Smit," in message.body
    assert "werkmailadres" in message.body
    assert "ruud@sudwestfryslan.nl" in message.body


def test_a_name_with_markup_is_escaped_in_html_and_plain_in_text(client):
    client.post(
        "/accounts/signup/",
        {
            "full_name": "Anne <b>& Co</b>",
            "email": "anne@tilburg.nl",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    [message] = mail.outbox
    assert "Beste Anne <b>& Co</b>," in message.body
    assert "Anne &lt;b&gt;&amp; Co&lt;/b&gt;" in html_part(message)


def test_the_password_reset_mail_carries_the_link_and_says_it_can_be_ignored(client):
    UserFactory(email="lid@veenendaal.nl", full_name="Lid Veenendaal")
    client.post("/accounts/password/reset/", {"email": "lid@veenendaal.nl"})
    [message] = mail.outbox
    assert message.subject == "[Digitale Leerhuis] Kies een nieuw wachtwoord"
    link = link_in(message, r"/accounts/password/reset/key/\S+/")
    assert_house_style(message, link)
    assert "Beste Lid Veenendaal," in message.body
    assert "negeren" in message.body


def test_an_unknown_address_is_told_there_is_no_account_with_a_link_to_make_one(client):
    client.post("/accounts/password/reset/", {"email": "niemand@veenendaal.nl"})
    [message] = mail.outbox
    assert message.to == ["niemand@veenendaal.nl"]
    assert message.subject == "[Digitale Leerhuis] Geen account met dit e-mailadres"
    assert_house_style(message, link_in(message, r"/accounts/signup/"))
    assert message.body.startswith("Hallo,")


def test_signing_up_with_a_taken_address_mails_the_owner_a_reset_link(client):
    UserFactory(email="lid@veenendaal.nl")
    client.post(
        "/accounts/signup/",
        {
            "full_name": "Iemand Anders",
            "email": "lid@veenendaal.nl",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    [message] = mail.outbox
    assert message.subject == "[Digitale Leerhuis] Je hebt al een account"
    assert_house_style(message, link_in(message, r"/accounts/password/reset/"))


def test_a_new_address_gets_a_confirmation_and_the_old_one_hears_of_the_change(client):
    user = UserFactory(email="lid@veenendaal.nl", full_name="Lid Veenendaal")
    log_in(client, user)
    client.post("/accounts/email/", {"action_add": "", "email": "a.lid@veenendaal.nl"})
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["a.lid@veenendaal.nl"]
    assert confirmation.subject == "[Digitale Leerhuis] Bevestig je e-mailadres"
    link = link_in(confirmation, r"/accounts/confirm-email/[^\s/]+/")
    assert_house_style(confirmation, link)
    assert "a.lid@veenendaal.nl" in confirmation.body

    client.post(re.sub(r"https?://[^/]+", "", link))
    assert EmailAddress.objects.get(email="a.lid@veenendaal.nl").verified
    changed = next(m for m in mail.outbox if "gewijzigd" in m.subject)
    assert changed.to == ["lid@veenendaal.nl"]
    assert changed.subject == "[Digitale Leerhuis] Je e-mailadres is gewijzigd"
    assert_house_style(changed)
    assert "van lid@veenendaal.nl in a.lid@veenendaal.nl" in changed.body


def test_a_changed_password_is_reported_with_the_device_in_words(client):
    user = UserFactory(email="lid@veenendaal.nl")
    log_in(client, user)
    new = "Nieuw-wachtwoord-2027"
    client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
        headers={"user-agent": FIREFOX_WINDOWS},
    )
    [message] = mail.outbox
    assert message.subject == "[Digitale Leerhuis] Je wachtwoord is gewijzigd"
    assert_house_style(message)
    for text in (message.body, BeautifulSoup(html_part(message), "html.parser").get_text()):
        assert "Firefox op Windows" in text
        assert "Gecko" not in text
        assert "127.0.0.1" in text
    # A Dutch date: "5 december 2026, 20:15".
    assert re.search(
        r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
        r"|november|december) \d{4}, \d\d:\d\d",
        message.body,
    )
    assert "/accounts/password/reset/" in message.body


def test_a_password_chosen_through_the_reset_link_is_reported(client):
    user = UserFactory(email="lid@veenendaal.nl")
    client.post("/accounts/password/reset/", {"email": user.email})
    path = re.search(r"/accounts/password/reset/key/\S+/", mail.outbox[0].body).group(0)
    form = client.get(path, follow=True)
    action = form.redirect_chain[-1][0] if form.redirect_chain else path
    new = "Nieuw-wachtwoord-2027"
    client.post(action, {"password1": new, "password2": new})
    message = mail.outbox[-1]
    assert message.subject == "[Digitale Leerhuis] Je hebt een nieuw wachtwoord"
    assert_house_style(message)


def test_turning_two_step_verification_on_and_off_and_new_recovery_codes_are_reported(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory(email="lid@veenendaal.nl")
    log_in(client, user)
    # allauth asks for the password again before a factor is added.
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    form = client.get("/accounts/2fa/totp/activate/").context["form"]
    with django_capture_on_commit_callbacks(execute=True):  # allauth mails after the commit
        client.post("/accounts/2fa/totp/activate/", {"code": totp_code(form.secret)})
    on = mail.outbox[-1]
    assert on.subject == "[Digitale Leerhuis] Tweestapsverificatie staat aan"
    assert_house_style(on)
    assert "tweestapsverificatie" in on.body

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/2fa/recovery-codes/generate/")
    codes = mail.outbox[-1]
    assert codes.subject == "[Digitale Leerhuis] Nieuwe herstelcodes voor tweestapsverificatie"
    assert_house_style(codes)

    client.post("/accounts/2fa/totp/deactivate/")
    off = mail.outbox[-1]
    assert off.subject == "[Digitale Leerhuis] Tweestapsverificatie staat uit"
    assert_house_style(off)
