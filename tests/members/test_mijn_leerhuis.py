import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/mijn-leerhuis/"


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/mijn-leerhuis/"


def test_owner_sees_their_own_name_and_address(client):
    owner = UserFactory(full_name="Aad van Klaveren", email="a.vanklaveren@alphenaandenrijn.nl")
    client.force_login(owner)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aad van Klaveren" in html
    assert "a.vanklaveren@alphenaandenrijn.nl" in html
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_another_user_never_sees_someone_elses_data(client):
    UserFactory(full_name="Aad van Klaveren", email="a.vanklaveren@alphenaandenrijn.nl")
    other = UserFactory(full_name="Wilbert Wouters", email="w.wouters@tilburg.nl")
    client.force_login(other)
    html = client.get(URL).content.decode()
    assert "Wilbert Wouters" in html
    assert "Aad van Klaveren" not in html
    assert "alphenaandenrijn" not in html


def test_unverified_address_is_marked(client):
    user = UserFactory(verified=False)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    assert "nog niet bevestigd" in client.get(URL).content.decode()


def test_staff_without_mfa_are_told_they_need_it(client):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert "tweestapsverificatie nodig" in client.get(URL).content.decode()


def test_query_count_does_not_grow_with_other_users(client):
    user = UserFactory()
    client.force_login(user)
    client.get(URL)  # warm caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    UserFactory.create_batch(20)
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(few) == len(many)
