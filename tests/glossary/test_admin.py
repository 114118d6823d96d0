"""Begrippen in the admin: adding, the hierarchy rules with Dutch messages, and previews."""

import pytest

from glossary.models import Concept, ConceptStatus
from tests.factories import StaffFactory
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/glossary/concept/add/"


def edit_url(concept):
    return f"/admin/snippets/glossary/concept/edit/{concept.pk}/"


def form_data(**fields):
    data = {
        "pref_label": "",
        "definition": "",
        "explanation": "",
        "scope_note": "",
        "examples": "",
        "alt_labels": "",
        "hidden_labels": "",
        "status": ConceptStatus.IN_BEWERKING,
        "slug": "",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def test_an_editor_adds_a_begrip_as_a_draft_with_a_source(admin_client_with_mfa):
    data = form_data(
        pref_label="Procesregie",
        definition="Het regisseren van het samenspel tussen partijen rond een opgave.",
        alt_labels="proces-regie",
        **{
            "sources-TOTAL_FORMS": "1",
            "sources-0-title": "Handboek procesregie",
            "sources-0-url": "https://example.org/procesregie",
            "sources-0-citation": "p. 4",
            "sources-0-ORDER": "1",
        },
    )

    response = admin_client_with_mfa.post(ADD, data)

    assert response.status_code == 302, response.context["form"].errors
    concept = Concept.objects.get(pref_label="Procesregie")
    assert concept.slug == "procesregie"
    assert not concept.live
    assert concept.latest_revision is not None
    assert concept.sources.get().title == "Handboek procesregie"


def test_a_term_that_is_already_another_begrips_term_is_refused(admin_client_with_mfa):
    begrip("Opgave-sturing", alt_labels="opgavesturing")

    response = admin_client_with_mfa.post(
        ADD, form_data(pref_label="Opgavesturing", definition="Dubbel.")
    )

    assert response.status_code == 200
    assert "is al een term van het begrip" in response.text
    assert Concept.objects.count() == 1


def test_a_draft_may_wait_for_its_definition_but_publishing_needs_one(admin_client_with_mfa):
    draft = admin_client_with_mfa.post(ADD, form_data(pref_label="Mandaat"))
    concept = Concept.objects.get(pref_label="Mandaat")

    published = admin_client_with_mfa.post(
        edit_url(concept),
        form_data(pref_label="Mandaat", slug="mandaat", **{"action-publish": "1"}),
    )

    assert draft.status_code == 302
    assert published.status_code == 200
    concept.refresh_from_db()
    assert not concept.live


def test_a_hierarchy_cycle_is_refused_with_a_dutch_message(admin_client_with_mfa):
    opgave = begrip("Opgave")
    sturing = begrip("Opgave-sturing", broader=[opgave])
    management = begrip("Opgave-management", broader=[sturing])

    response = admin_client_with_mfa.post(
        edit_url(opgave),
        form_data(
            pref_label="Opgave",
            definition=opgave.definition,
            status=opgave.status,
            slug="opgave",
            broader=[management.pk],
        ),
    )

    assert response.status_code == 200
    assert "Dit maakt een kring" in response.text
    assert not opgave.broader.exists()


def test_a_begrip_cannot_be_its_own_broader_or_related(admin_client_with_mfa):
    opgave = begrip("Opgave")
    data = form_data(
        pref_label="Opgave", definition="x", slug="opgave", broader=[opgave.pk], related=[opgave.pk]
    )

    response = admin_client_with_mfa.post(edit_url(opgave), data)

    assert "Een begrip kan niet boven zichzelf staan." in response.text
    assert "Een begrip is niet aan zichzelf gerelateerd." in response.text


def test_a_replaced_begrip_needs_its_successor(admin_client_with_mfa):
    oud = begrip("Integraal werken", status=ConceptStatus.IN_BEWERKING)
    data = form_data(
        pref_label="Integraal werken",
        definition="x",
        slug="integraal-werken",
        status=ConceptStatus.VERVANGEN,
    )

    response = admin_client_with_mfa.post(edit_url(oud), data)

    assert "Kies het begrip dat dit begrip vervangt." in response.text


def test_a_reserved_address_is_refused():
    concept = Concept(pref_label="Begrippenkader", definition="x")

    with pytest.raises(Exception, match="gereserveerd"):
        concept.full_clean()


def test_the_edit_form_opens_for_an_existing_begrip(admin_client_with_mfa):
    concept = begrip("Mandaat", related=[begrip("Opgave")])

    response = admin_client_with_mfa.get(edit_url(concept))

    assert response.status_code == 200
    assert "Samenhang" in response.text


def test_an_unsaved_begrip_can_be_previewed_as_its_page(rf):
    request = rf.get("/")
    request.user = StaffFactory()
    concept = Concept(pref_label="Kanteling", definition="Het omdraaien van de blik.")

    response = concept.serve_preview(request, concept.default_preview_mode)
    response.render()

    assert response.status_code == 200
    assert "Het omdraaien van de blik." in response.content.decode()
