"""The public calendar feed's answer to a filter it does not know names the filter and what
may be chosen, not the value given: that came from whoever made the link, and the plain
text answer would carry their words, under the site's name, to whoever follows it."""

from urllib.parse import urlencode

import pytest

from tests.events.helpers.feeds import FEED

pytestmark = pytest.mark.django_db

PLANTED = "Uw account is geblokkeerd, bel 0900-1234 of ga naar https://leerhuis.evil"


@pytest.mark.parametrize(
    ("name", "said"),
    [("type", "Onbekende soort."), ("regio", "Onbekende regio."), ("vorm", "Onbekende vorm.")],
)
def test_a_bad_filter_value_is_not_repeated_in_the_answer(client, name, said):
    response = client.get(f"{FEED}?{urlencode({name: PLANTED})}")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert said in text and "Kies uit:" in text
    for word in ["geblokkeerd", "0900", "leerhuis.evil", "Uw account"]:
        assert word not in text


def test_the_answer_is_the_same_whatever_the_bad_value(client):
    answers = {
        client.get(f"{FEED}?{urlencode({'type': value})}").content
        for value in [PLANTED, "concert", "<script>alert(1)</script>", "x" * 2000, "é\u202e"]
    }

    assert len(answers) == 1


def test_an_unknown_theme_is_not_repeated_either(client):
    response = client.get(f"{FEED}?{urlencode({'thema': PLANTED})}")

    assert response.status_code == 404
    assert "geblokkeerd" not in response.content.decode()
