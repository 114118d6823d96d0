"""The association's staff are not superusers: Editors write begrippen and decide on
proposals, Moderators also approve what goes live. Through the real admin, logged in with MFA."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import WorkflowState

from glossary import proposals
from glossary.models import Concept, ConceptStatus
from tests.events_factories import member
from tests.factories import PASSWORD
from tests.glossary.admin_forms import add_url, concept_form, edit_url
from tests.glossary.staff import staff_in
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

CONCEPTS = "/admin/snippets/glossary/concept/"
PROPOSALS = "/admin/snippets/glossary/proposal/"
DEFINITION = "Een methode om met betrokkenen een opgave te verkennen."


def _approve_url(concept, state):
    task_state = state.current_task_state
    return f"{CONCEPTS}workflow/action/{concept.pk}/approve/{task_state.pk}/"


def _submitted_by_editor(client, term="wyberen"):
    """An editor adds a begrip as a draft, then sends it to review."""
    data = concept_form(None, None, pref_label=term, definition=DEFINITION, slug="")
    data["status"] = ConceptStatus.VASTGESTELD
    assert client.post(add_url(), data).status_code == 302
    concept = Concept.objects.get(pref_label=term)
    assert not concept.live
    response = client.post(edit_url(concept), concept_form(concept, "submit"))
    assert response.status_code == 302
    return concept, WorkflowState.objects.get(object_id=str(concept.pk))


def test_an_editor_adds_a_begrip_saves_a_draft_and_submits_it_but_cannot_approve_it(
    client, login_with_mfa
):
    login_with_mfa(client, staff_in("Redactie"))
    assert not client.staff.is_superuser
    assert client.get(CONCEPTS).status_code == 200
    assert client.get(add_url()).status_code == 200

    concept, state = _submitted_by_editor(client)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(edit_url(concept)).status_code == 200

    response = client.post(_approve_url(concept, state), {"comment": ""})
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # refused
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not Concept.objects.get(pk=concept.pk).live


def test_an_editor_edits_a_live_begrip_as_a_draft(client, login_with_mfa):
    login_with_mfa(client, staff_in("Redactie"))
    concept = begrip("opgave", "Oude definitie.")
    response = client.post(edit_url(concept), concept_form(concept, None, definition="Nieuw."))
    assert response.status_code == 302
    concept = Concept.objects.get(pk=concept.pk)
    assert concept.definition == "Oude definitie."
    assert concept.get_latest_revision_as_object().definition == "Nieuw."


def test_a_moderator_approves_what_an_editor_submitted(client, login_with_mfa):
    login_with_mfa(client, staff_in("Redactie"))
    concept, state = _submitted_by_editor(client)
    client.logout()

    login_with_mfa(client, staff_in("Moderatie"))
    response = client.post(_approve_url(concept, state), {"comment": ""})
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert Concept.objects.get(pk=concept.pk).live


@pytest.mark.parametrize("group", ["Redactie", "Moderatie"])
def test_editors_and_moderators_see_the_proposals_and_may_accept_one(client, login_with_mfa, group):
    proposal = proposals.propose(
        member(), pref_label="wyberen", definition=DEFINITION, reason="Komt vaak terug."
    )
    login_with_mfa(client, staff_in(group))
    page = client.get(PROPOSALS)
    assert page.status_code == 200
    assert f"{PROPOSALS}accepteren/{proposal.pk}/" in page.content.decode()
    response = client.post(f"{PROPOSALS}accepteren/{proposal.pk}/", {"note": ""})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.is_accepted


def test_the_demo_editor_works_with_begrippen_and_proposals(settings, client, login_with_mfa):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    editor = get_user_model().objects.get(email="beheer@leerhuis.example")
    assert not editor.is_superuser
    editor.set_password(PASSWORD)  # what login_with_mfa types
    editor.save()
    login_with_mfa(client, editor)
    assert client.get(CONCEPTS).status_code == 200
    assert client.get(PROPOSALS).status_code == 200
    concept, state = _submitted_by_editor(client, "proeftuin")
    assert client.post(_approve_url(concept, state), {"comment": ""}).status_code == 302
    assert Concept.objects.get(pk=concept.pk).live
