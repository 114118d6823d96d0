"""The demo's begrippenkader (leerhuis.demo.begrippen): the words of opgave-sturing,
published, related without cycles, linked from the demo meetings, loaded once."""

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from events.models import EventBegrip, EventPage, LearningTrackPage
from glossary.hierarchy import ancestors, relation_errors
from glossary.models import Concept, ConceptStatus
from glossary.usage import used_by
from leerhuis.demo.begrippen import BEGRIPPEN

pytestmark = pytest.mark.django_db

REQUIRED = [
    "opgave", "opgave-sturing", "opgave-gericht werken", "opgave-management", "opgave-manager",
    "opgave-leider", "opdrachtgever", "opdrachtgevend niveau", "lijnmanager", "lijnmanagement",
    "going concern", "project", "projectmatig werken", "proces", "procesregie",
    "procesregisseur", "programma", "programmamanagement", "programmeur",
    "maatschappelijk vraagstuk", "maatschappelijk effect", "kanteling", "mandaat",
    "planning- en controlcyclus", "wyberen", "besturingsmodel",
]  # fmt: skip


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    return settings


def snapshot():
    return (
        sorted(Concept.objects.values_list("pref_label", "status", "live", "updated_at")),
        Revision.objects.count(),
        EventBegrip.objects.count(),
        sorted(Concept.related.through.objects.values_list("from_concept", "to_concept")),
    )


def test_every_required_term_is_a_published_begrip_with_a_definition(demo):
    live = {c.pref_label: c for c in Concept.objects.live()}

    assert [term for term in REQUIRED if term not in live] == []
    assert Concept.objects.count() == len(BEGRIPPEN) >= 28
    assert not Concept.objects.filter(live=False).exists()
    assert all(len(c.definition) > 40 for c in live.values())
    assert all(c.latest_revision_id for c in live.values())


def test_most_begrippen_are_vastgesteld_and_a_replaced_one_points_to_its_successor(demo):
    statuses = list(Concept.objects.values_list("status", flat=True))
    replaced = Concept.objects.get(pref_label="opgave-leider")

    assert statuses.count(ConceptStatus.VASTGESTELD) > len(statuses) * 3 // 4
    assert {ConceptStatus.VOORGESTELD, ConceptStatus.IN_BEWERKING} <= set(statuses)
    assert replaced.status == ConceptStatus.VERVANGEN
    assert replaced.replaced_by.pref_label == "opgave-manager"


def test_alternative_terms_themes_and_relations_are_there(demo):
    sturing = Concept.objects.get(pref_label="opgave-sturing")
    cyclus = Concept.objects.get(pref_label="planning- en controlcyclus")
    regisseur = Concept.objects.get(pref_label="procesregisseur")

    assert "opgavesturing" in sturing.alt_label_list
    assert "P&C-cyclus" in cyclus.alt_label_list
    assert "opgave-management" in {c.pref_label for c in sturing.narrower.all()}
    assert "procesregie" in {c.pref_label for c in regisseur.related.all()}
    # Related is symmetric, also when only one side declared it.
    procesregie = Concept.objects.get(pref_label="procesregie")
    assert "procesregisseur" in {c.pref_label for c in procesregie.related.all()}
    assert Concept.objects.live().having_theme("procesregie").count() >= 3
    assert not Concept.objects.filter(themes=None).exists()


def test_the_hierarchy_has_no_cycles_and_keeps_the_relation_rules(demo):
    through = Concept.broader.through
    for concept in Concept.objects.prefetch_related("broader", "related"):
        assert concept.pk not in ancestors([concept.pk], through), concept.pref_label
        errors = relation_errors(
            concept.pk,
            [c.pk for c in concept.broader.all()],
            [c.pk for c in concept.related.all()],
            through,
        )
        assert errors == {}, concept.pref_label


def test_demo_meetings_and_the_leergang_name_begrippen_that_show_where_they_are_used(demo):
    wyberen = Concept.objects.get(pref_label="wyberen")
    sturing = Concept.objects.get(pref_label="opgave-sturing")

    assert EventPage.objects.filter(begrippen__concept=wyberen).exists()
    assert LearningTrackPage.objects.filter(begrippen__concept=sturing).exists()
    assert any(isinstance(page, EventPage) for page in used_by(wyberen, None))


def test_loading_twice_makes_nothing_new(demo):
    before = snapshot()

    call_command("load_demo", "--quiet-logins")

    assert snapshot() == before
