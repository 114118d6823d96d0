"""@-mentions by full name: who is meant, and how it shows in the post."""

import pytest

from leerhuis.community import mentions
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _names(markup):
    return [user.full_name for user in mentions.find(markup)]


def test_a_full_name_with_particles_is_one_person():
    UserFactory(full_name="Astrid van de Klift")
    UserFactory(full_name="Astrid Jansen")
    assert _names("<p>Wat vind jij, @Astrid van de Klift?</p>") == ["Astrid van de Klift"]


def test_case_does_not_matter_and_each_person_is_named_once():
    UserFactory(full_name="Petra Mulder")
    assert _names("<p>@petra mulder en nog eens @Petra Mulder.</p>") == ["Petra Mulder"]


def test_names_with_accents_are_found_as_written():
    UserFactory(full_name="Émile Çelik")
    assert _names("<p>Vraag het @Émile Çelik eens.</p>") == ["Émile Çelik"]


def test_an_email_address_or_an_unknown_name_names_nobody():
    UserFactory(full_name="Jan Veenendaal")
    assert _names("<p>Mail jan@Jan Veenendaal.nl of @Onbekende Persoon.</p>") == []


def test_an_inactive_account_is_not_named():
    UserFactory(full_name="Oud Account", is_active=False)
    assert _names("<p>@Oud Account</p>") == []


def test_the_longest_name_wins_also_when_a_shorter_one_is_named_first():
    UserFactory(full_name="Jan")
    UserFactory(full_name="Jan de Vries")
    markup = "<p>@Jan en @Jan de Vries, kijken jullie mee?</p>"
    people = mentions.find(markup)
    assert [p.full_name for p in people] == ["Jan", "Jan de Vries"]
    assert mentions.mark(markup, people) == (
        "<p><strong>@Jan</strong> en <strong>@Jan de Vries</strong>, kijken jullie mee?</p>"
    )


def test_a_mention_is_marked_once_even_when_marked_again():
    UserFactory(full_name="Petra Mulder")
    markup = "<p>@Petra Mulder</p>"
    people = mentions.find(markup)
    once = mentions.mark(markup, people)
    assert once == "<p><strong>@Petra Mulder</strong></p>"
    assert mentions.mark(once, people) == once


def test_finding_costs_one_query_however_many_mentions(django_assert_num_queries):
    for n in range(5):
        UserFactory(full_name=f"Persoon Nummer{n}")
    markup = "<p>" + " ".join(f"@Persoon Nummer{n}" for n in range(5)) + "</p>"
    with django_assert_num_queries(1):
        assert len(mentions.find(markup)) == 5
