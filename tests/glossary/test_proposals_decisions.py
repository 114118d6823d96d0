"""Editors decide on members' proposals: accepting puts a draft in review (never live at
once), rejecting tells the proposer why, once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import trans_real
from wagtail.models import ModelLogEntry, WorkflowState

from glossary import proposals, review
from glossary.models import Concept, ConceptStatus, Proposal, ProposalStatus
from tests.events_factories import member
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/glossary/proposal/"


def _new(user=None, term="wyberen"):
    return proposals.propose(
        user or member(),
        pref_label=term,
        definition="Een methode om met betrokkenen een opgave te verkennen.",
        reason="Komt vaak terug.",
    )


def test_accepting_a_new_begrip_makes_a_voorgesteld_draft_in_review_not_live(
    admin_client_with_mfa, sent_mails
):
    proposal = _new()
    response = admin_client_with_mfa.post(f"{ADMIN}accepteren/{proposal.pk}/", {"note": ""})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.decided_by == admin_client_with_mfa.staff
    concept = proposal.concept
    assert (concept.pref_label, concept.status, concept.live) == (
        "wyberen",
        ConceptStatus.VOORGESTELD,
        False,
    )
    assert concept.workflow_in_progress
    assert proposal.workflow_state.workflow.name == "Begrippen vaststellen"
    assert not Concept.objects.live().filter(pk=concept.pk).exists()
    mails = [m for m in sent_mails() if m.to == [proposal.proposer.email]]
    assert [m.subject for m in mails] == ["Je voorstel is geaccepteerd: wyberen"]
    assert ModelLogEntry.objects.filter(action=review.PROPOSAL_ACCEPTED).count() == 1


def test_accepting_a_change_keeps_the_live_version_until_review_approves(admin_client_with_mfa):
    concept = begrip("mandaat", "Oude definitie.")
    proposal = proposals.propose(
        member(), concept=concept, definition="Nieuwe definitie.", reason="Scherper."
    )
    proposals.accept(proposal, admin_client_with_mfa.staff)
    concept = Concept.objects.get(pk=concept.pk)
    assert concept.definition == "Oude definitie."
    assert concept.get_latest_revision_as_object().definition == "Nieuwe definitie."
    assert concept.workflow_in_progress
    assert "Oude definitie." in admin_client_with_mfa.get(concept.url).content.decode()


def test_rejecting_needs_a_reason_and_mails_the_proposer_exactly_once(
    admin_client_with_mfa, sent_mails
):
    user = member()
    proposal = _new(user)
    url = f"{ADMIN}afwijzen/{proposal.pk}/"
    empty = admin_client_with_mfa.post(url, {"reason": ""})
    assert empty.status_code == 200
    assert "Geef de reden waarom het voorstel wordt afgewezen." in empty.content.decode()

    assert (
        admin_client_with_mfa.post(url, {"reason": "Staat al in de kennisbank."}).status_code == 302
    )
    admin_client_with_mfa.post(url, {"reason": "Nog een keer."})  # already decided
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED
    assert proposal.decision_note == "Staat al in de kennisbank."
    mails = [m for m in sent_mails() if m.to == [user.email]]
    assert len(mails) == 1
    assert mails[0].to == [user.email]
    assert "Staat al in de kennisbank." in mails[0].body
    assert not Concept.objects.exists()


def test_a_proposal_that_review_rejects_is_rejected_and_its_proposer_told(
    admin_client_with_mfa, sent_mails
):
    proposal = proposals.accept(_new(), admin_client_with_mfa.staff)
    task_state = proposal.workflow_state.current_task_state
    review.reject_finally(task_state, admin_client_with_mfa.staff, "Te algemeen.")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED
    assert proposal.decision_note == "Te algemeen."
    assert not WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
    mails = [m for m in sent_mails() if m.to == [proposal.proposer.email]]
    assert [m.subject for m in mails] == [
        "Je voorstel is geaccepteerd: wyberen",
        "Je voorstel is afgewezen: wyberen",
    ]


def test_a_new_begrip_rejected_in_review_leaves_no_draft_and_its_term_may_be_proposed_again(
    admin_client_with_mfa, client
):
    proposal = proposals.accept(_new(), admin_client_with_mfa.staff)
    state = proposal.workflow_state
    url = (
        f"/admin/snippets/glossary/concept/workflow/action/{proposal.concept_id}/afwijzen/"
        f"{state.current_task_state.pk}/"
    )
    assert admin_client_with_mfa.post(url, {"comment": "Te algemeen."}).status_code == 302
    assert not Concept.objects.filter(pref_label="wyberen").exists()
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decision_note) == (ProposalStatus.REJECTED, "Te algemeen.")
    entry = ModelLogEntry.objects.get(action=review.REJECTED)
    assert entry.data == {"reason": "Te algemeen."}

    client.force_login(member())
    again = client.post(
        "/begrippen/voorstellen/",
        {"pref_label": "wyberen", "definition": "Anders gezegd.", "reason": "Toch nodig."},
    )
    assert again.status_code == 302
    proposals.accept(Proposal.objects.open().get(), admin_client_with_mfa.staff)
    assert Concept.objects.get(pref_label="wyberen").status == ConceptStatus.VOORGESTELD


def test_a_change_rejected_in_review_keeps_the_live_begrip(admin_client_with_mfa):
    concept = begrip("mandaat", "Oude definitie.")
    proposal = proposals.propose(
        member(), concept=concept, definition="Nieuwe definitie.", reason="Scherper."
    )
    proposal = proposals.accept(proposal, admin_client_with_mfa.staff)
    task_state = proposal.workflow_state.current_task_state
    assert review.reject_finally(task_state, admin_client_with_mfa.staff, "Nee.")
    assert Concept.objects.live().get(pk=concept.pk).definition == "Oude definitie."


@pytest.fixture
def english_admin():
    """An editor whose admin speaks English, with an English catalog for the mail subjects."""
    catalog = trans_real.translation("en")._catalog
    subjects = {
        "Je voorstel is geaccepteerd: %(term)s": "Your proposal was accepted: %(term)s",
        "Je voorstel is afgewezen: %(term)s": "Your proposal was rejected: %(term)s",
    }
    for dutch, english in subjects.items():
        catalog[dutch] = english
    with translation.override("en"):
        yield
    for catalog_part in catalog._catalogs:
        for dutch in subjects:
            catalog_part.pop(dutch, None)


def test_the_proposer_gets_dutch_subjects_whatever_language_the_editor_uses(
    english_admin, sent_mails
):
    accepted = proposals.accept(_new(term="wyberen"), None)
    proposals.reject(_new(user=accepted.proposer, term="kanteling"), None, "Nee.")
    subjects = sorted(m.subject for m in sent_mails() if m.to == [accepted.proposer.email])
    assert subjects == [
        "Je voorstel is afgewezen: kanteling",
        "Je voorstel is geaccepteerd: wyberen",
    ]


def test_a_term_taken_in_the_meantime_is_explained_instead_of_accepted(admin_client_with_mfa):
    proposal = _new(term="kanteling")
    begrip("kanteling")
    response = admin_client_with_mfa.post(f"{ADMIN}accepteren/{proposal.pk}/", {"note": ""})
    assert response.status_code == 200
    assert "al een term van het begrip" in response.content.decode()
    assert Proposal.objects.get().status == ProposalStatus.SUBMITTED


def test_editors_see_proposals_under_begrippen_with_the_decisions(admin_client_with_mfa):
    open_one = _new(term="wyberen")
    proposals.reject(_new(term="kanteling"), None, "Nee.")
    page = admin_client_with_mfa.get(ADMIN).content.decode()
    assert "Nieuw begrip &#x27;wyberen&#x27;" in page
    assert f"{ADMIN}accepteren/{open_one.pk}/" in page
    assert page.count("accepteren/") == 1
    assert admin_client_with_mfa.get(f"{ADMIN}edit/{open_one.pk}/").status_code == 302


def test_the_proposals_list_costs_the_same_queries_for_one_proposal_or_twelve(
    admin_client_with_mfa,
):
    def change(n):
        concept = begrip(f"begrip {n}")
        proposals.propose(member(), concept=concept, definition="Nieuw.", reason="Beter.")

    def count():
        with CaptureQueriesContext(connection) as queries:
            page = admin_client_with_mfa.get(ADMIN)
        assert page.status_code == 200
        return len(queries), page.content.decode().count("Wijziging van &#x27;begrip ")

    change(0)
    count()  # the first visit sets up what later visits reuse
    one, shown = count()
    assert shown >= 1
    for n in range(1, 12):
        change(n)
    assert count() == (one, 12 * shown)


def test_members_cannot_reach_the_decisions(client):
    proposal = _new()
    client.force_login(member())
    response = client.post(f"{ADMIN}accepteren/{proposal.pk}/", {"note": ""})
    assert response.status_code in (302, 403)
    assert Proposal.objects.get().status == ProposalStatus.SUBMITTED
