"""Bad input in the request and invitation forms: a Dutch message, the page again, nothing
stored."""

import pytest
from django.urls import reverse

from leerhuis.core.models import OutboxMessage
from members.groups import MOTIVATION_MAX
from members.models import GroepUitnodiging, Toegang
from tests.community.groups_helpers import group
from tests.events_factories import member

pytestmark = pytest.mark.django_db


def test_a_too_long_motivation_is_shown_again_with_a_dutch_message(client):
    groep = group(Toegang.OP_VERZOEK)
    client.force_login(member())
    text = "x" * (MOTIVATION_MAX + 1)
    response = client.post(reverse("groep_verzoek", args=[groep.slug]), {"motivation": text})
    assert response.status_code == 200
    assert "Je toelichting is te lang" in response.content.decode()
    assert text in response.content.decode()  # what was typed is not lost
    assert groep.leden.requested().count() == 0 and not OutboxMessage.objects.exists()


def test_an_empty_motivation_is_a_request_all_the_same(client):
    groep = group(Toegang.OP_VERZOEK)
    client.force_login(member())
    client.post(reverse("groep_verzoek", args=[groep.slug]), {"motivation": ""})
    assert groep.leden.requested().count() == 1


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Vul het e-mailadres in"),
        ("geen-adres", "Vul een geldig e-mailadres in"),
        (f"{'a' * 64}@{'b' * 60}.{'c' * 60}.{'d' * 60}.{'e' * 6}.nl", "te lang: hooguit 254"),
    ],
)
def test_a_bad_address_to_invite_gets_a_dutch_message(client, email, message):
    groep = group(Toegang.UITNODIGING)
    client.force_login(groep.manager)
    response = client.post(reverse("groep_uitnodigen", args=[groep.slug]), {"email": email})
    assert response.status_code == 200 and message in response.content.decode()
    assert not GroepUitnodiging.objects.exists()


def test_inviting_a_member_of_the_group_says_so_on_the_form(client):
    groep = group(Toegang.UITNODIGING)
    client.force_login(groep.manager)
    response = client.post(
        reverse("groep_uitnodigen", args=[groep.slug]), {"email": groep.member.email}
    )
    assert response.status_code == 200 and "is al lid van deze groep" in response.content.decode()
    assert not GroepUitnodiging.objects.exists()
