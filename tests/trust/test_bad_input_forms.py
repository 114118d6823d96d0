"""Every public form, posted what people and scripts send: never a 500; a refused post is the
form again with a Dutch message (or a Dutch 4xx page) and changes nothing stored; a post
succeeds (redirects) only with its required fields filled in. Then replayed and tampered
posts, and posts without a valid CSRF token.

Hypothesis runs a bounded, derandomized set of bodies per form (tests/trust/conftest.py).
Anonymous forms get a new client per example (a successful login must not turn the next
example into a logged-in visit); the cache is cleared per example, so allauth's limits and
the site's own brakes do not answer 429 to examples that came before.
"""

import pytest
from django.core import signing
from django.test import Client
from hypothesis import example, given

from events.models import Registration, RegistrationStatus
from tests.community_factories import PostFactory
from tests.events_factories import RegistrationFactory
from tests.factories import PASSWORD, OrganisationFactory, UserFactory
from tests.trust.forms import ENGLISH_ERRORS, FORMS, User
from tests.trust.site import assert_answered_well, fresh, make_public_site
from tests.trust.strategies import form_values

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


@pytest.fixture
def site():
    data = make_public_site()
    organisation = OrganisationFactory(name="Gemeente Alphen aan den Rijn", domain="alphen.nl")
    member = UserFactory(email="pm@alphen.nl", full_name="Petra Mulder")
    other = UserFactory(email="jb@alphen.nl", full_name="Joris Bakker")
    registered = RegistrationFactory(user=member).event
    data.update(
        organisation=organisation,
        domain="alphen.nl",
        member=member,
        other=other,
        registered_event=registered,
        post=PostFactory(thread=data["thread"], author=other),
    )
    return data


@pytest.fixture
def member_client(site):
    client = Client()
    client.force_login(site["member"])
    return client


def _blank(value):
    return value is None or not str(value).strip()


def check_post(client, form, site, body):
    fresh()
    before = form.stored(site)
    response = (client or Client()).post(form.address(site), body)
    assert_answered_well(response)
    page = response.content.decode(errors="replace")
    for english in ENGLISH_ERRORS:
        assert english not in page, english
    location = response.get("Location", "")
    succeeded = response.status_code in (301, 302, 303) and not location.startswith(LOGIN)
    if succeeded:
        missing = [name for name in form.required if _blank(body.get(name))]
        assert not missing, f"succeeded without {missing}"
    else:
        assert form.stored(site) == before, "a refused post changed what was stored"
    return response


@pytest.mark.parametrize("name", sorted(FORMS))
def test_any_post_to_a_public_form_is_answered_in_dutch_and_stores_nothing_when_refused(
    site, member_client, name
):
    form = FORMS[name]
    client = member_client if form.member else None

    @given(body=form_values(form.fields, form.valid(site)))
    @example(body={})
    @example(body={field: "\x00" for field in form.fields})
    @example(body={field: "x" * 10_000 for field in form.fields})
    @example(body={**form.valid(site), **{form.fields[0]: "' OR 1=1--\x00<script>"}})
    @example(body=form.valid(site))
    def check(body):
        check_post(client, form, site, body)

    check()


@pytest.mark.parametrize("name", ["profiel", "begrip_voorstellen", "gesprek_nieuw", "signup"])
def test_nul_in_a_form_field_shows_the_form_again_with_a_dutch_message(site, member_client, name):
    form = FORMS[name]
    body = {**form.valid(site), form.required[0]: "Petra\x00Mulder"}

    response = check_post(member_client if form.member else None, form, site, body)

    assert response.status_code == 200
    assert "Null-tekens zijn niet toegestaan." in response.content.decode()


# --- replayed and tampered posts ---------------------------------------------------------


def test_the_same_sign_up_posted_twice_is_one_registration(site, member_client):
    address = site["event"].url + "aanmelden/"
    body = {"dietary": "vegetarisch", "accessibility": ""}

    first = member_client.post(address, body)
    fresh()
    second = member_client.post(address, body)

    assert first.status_code == second.status_code == 302
    assert site["event"].registrations.filter(user=site["member"]).count() == 1


def test_forged_fields_in_a_sign_up_register_only_the_poster_for_this_meeting(site, member_client):
    other_event = site["registered_event"]
    before = list(other_event.registrations.values_list("pk", "user_id", "status"))
    forged = {
        "dietary": "",
        "user": str(site["other"].pk),
        "user_id": str(site["other"].pk),
        "event": str(other_event.pk),
        "price": "0",
        "status": RegistrationStatus.CANCELLED,
        "email": site["other"].email,
    }

    member_client.post(site["event"].url + "aanmelden/", forged)

    mine = Registration.objects.get(event=site["event"])
    assert mine.user == site["member"]
    assert mine.status == RegistrationStatus.CONFIRMED
    assert mine.email == site["member"].email
    assert not Registration.objects.filter(user=site["other"]).exists()
    assert list(other_event.registrations.values_list("pk", "user_id", "status")) == before


def test_a_paid_places_overview_with_tampered_or_carried_answers_is_refused(site):
    """A guest pays: the answers travel signed in the overview; changed, or signed for
    another meeting, they are refused with the form again (400), and nothing is stored."""
    guest_org = OrganisationFactory(name="Adviesbureau", domain="advies.nl", member=False)
    guest = UserFactory(email="gast@advies.nl")
    client = Client()
    client.force_login(guest)
    address = site["event"].url + "aanmelden/"
    answers = {
        "dietary": "",
        "billing_organisation": guest_org.name,
        "billing_reference": "PO-1",
    }
    overview = client.post(address, answers)
    assert overview.status_code == 200
    carried = overview.context["carried"]
    payload = signing.loads(carried, salt=f"events.aanmelden:{site['event'].pk}:{guest.pk}")
    payload["price"] = "0"
    cheaper = signing.dumps(payload, salt="events.aanmelden:other", compress=True)
    elsewhere = signing.dumps(
        payload, salt=f"events.aanmelden:{site['track'].pk}:{guest.pk}", compress=True
    )

    for value in (carried[:-3] + "abc", cheaper, elsewhere, "", "x" * 5000):
        fresh()
        response = client.post(address, {"stap": "bevestigen", "gegevens": value})
        assert response.status_code == 400
        assert '<html lang="nl">' in response.content.decode()

    assert not Registration.objects.filter(user=guest).exists()


def test_cancelling_with_another_persons_registration_id_cancels_nothing_of_theirs(
    site, member_client
):
    theirs = RegistrationFactory(user=site["other"], event=site["registered_event"])
    address = site["registered_event"].url + "afmelden/"

    response = member_client.post(address, {"registration": str(theirs.pk)})

    assert response.status_code == 404
    assert '<html lang="nl">' in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.status == RegistrationStatus.CONFIRMED


def test_forged_fields_in_the_profile_change_only_name_function_and_bio(site, member_client):
    member = site["member"]
    member_client.post(
        "/mijn-leerhuis/profiel/",
        {
            "full_name": "Petra Mulder",
            "function": "programmamanager",
            "bio": "",
            "email": "baas@leerhuis.example",
            "is_staff": "on",
            "is_superuser": "on",
            "pk": str(site["other"].pk),
        },
    )

    member.refresh_from_db()
    assert member.function == "programmamanager"
    assert member.email == "pm@alphen.nl"
    assert not member.is_staff and not member.is_superuser
    assert User.objects.get(pk=site["other"].pk).function == ""


# --- CSRF ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["signup", "login", "password_reset", "aanmelden", "profiel"])
@pytest.mark.parametrize("token", [None, "x" * 64, "<script>"])
def test_a_post_without_a_valid_csrf_token_is_the_dutch_403_page(site, name, token):
    form = FORMS[name]
    client = Client(enforce_csrf_checks=True)
    if form.member:
        client.force_login(site["member"])
    before = form.stored(site)
    body = {**form.valid(site), **({"csrfmiddlewaretoken": token} if token else {})}

    response = client.post(form.address(site), body)

    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "Dit formulier is verlopen" in page
    assert form.stored(site) == before


def test_a_login_with_a_valid_csrf_token_still_works(site):
    client = Client(enforce_csrf_checks=True)
    client.get(LOGIN)
    token = client.cookies["csrftoken"].value

    response = client.post(
        LOGIN, {"login": site["member"].email, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302


@pytest.mark.parametrize("name", sorted(FORMS))
def test_the_valid_post_of_each_form_succeeds(site, member_client, name):
    """The table in tests/trust/forms.py is right: its valid post gets through, so the
    property test above reaches the code that stores."""
    form = FORMS[name]
    response = (member_client if form.member else Client()).post(
        form.address(site), form.valid(site)
    )

    assert response.status_code == 302, response.content.decode()[-3000:]
    assert not response["Location"].startswith(LOGIN)
