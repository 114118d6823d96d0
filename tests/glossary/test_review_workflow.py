"""A change to a vastgesteld begrip is reviewed before it goes live: editors in the admin
cannot publish it directly, the Moderators approve, ask for changes or reject with a reason."""

import pytest
from wagtail.models import TaskState, Workflow, WorkflowState

from glossary import review
from glossary.models import Concept, ConceptStatus, ReviewTask
from tests.factories import StaffFactory
from tests.glossary.admin_forms import add_url, concept_form, edit_url
from tests.glossary.staff import staff_in
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

OLD = "Een maatschappelijk vraagstuk dat om samenwerking vraagt."
NEW = "Een maatschappelijke opgave die meerdere partijen samen oppakken."


def fresh(concept):
    return Concept.objects.get(pk=concept.pk)


def html(response):
    return response.content.decode()


def test_the_workflow_begrippen_vaststellen_reviews_every_begrip_by_the_moderators():
    workflow = Concept.get_default_workflow()
    assert workflow is not None and workflow.name == "Begrippen vaststellen"
    task = workflow.workflow_tasks.get().task.specific
    assert isinstance(task, ReviewTask)
    assert list(task.groups.values_list("name", flat=True)) == ["Moderatie"]


def test_an_editor_cannot_publish_a_change_to_a_vastgesteld_begrip_directly(
    admin_client_with_mfa,
):
    concept = begrip("opgave", OLD)
    response = admin_client_with_mfa.post(
        edit_url(concept), concept_form(concept, "publish", definition=NEW)
    )
    assert response.status_code == 200
    page = html(response)
    assert "Dit begrip is vastgesteld: een wijziging gaat pas online na beoordeling." in page
    assert NEW in page  # what the editor typed is still in the form
    assert fresh(concept).definition == OLD
    assert fresh(concept).get_latest_revision_as_object().definition == OLD


def test_the_publish_button_is_not_offered_on_a_vastgesteld_begrip(admin_client_with_mfa):
    concept = begrip("opgave", OLD)
    page = html(admin_client_with_mfa.get(edit_url(concept)))
    assert 'name="action-submit"' in page
    assert 'name="action-publish"' not in page


def test_a_new_begrip_that_would_be_vastgesteld_at_once_must_be_reviewed(admin_client_with_mfa):
    data = concept_form(None, "publish", pref_label="mandaat", definition=NEW, slug="")
    data["status"] = ConceptStatus.VASTGESTELD
    response = admin_client_with_mfa.post(add_url(), data)
    assert response.status_code == 200
    assert "Een vastgesteld begrip gaat pas online na beoordeling." in html(response)
    assert not Concept.objects.filter(pref_label="mandaat").exists()


def test_a_begrip_in_bewerking_may_be_published_directly(admin_client_with_mfa):
    concept = begrip("kanteling", OLD, publish=False, status=ConceptStatus.IN_BEWERKING)
    response = admin_client_with_mfa.post(
        edit_url(concept), concept_form(concept, "publish", definition=NEW)
    )
    assert response.status_code == 302
    assert fresh(concept).live
    assert fresh(concept).definition == NEW


def _submitted(client, concept, **changes):
    response = client.post(edit_url(concept), concept_form(concept, "submit", **changes))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(concept.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    return state


def _act(client, concept, state, action, headers=None, **data):
    task_state = state.current_task_state
    url = f"/admin/snippets/glossary/concept/workflow/action/{concept.pk}/{action}/{task_state.pk}/"
    return client.post(url, data, headers=headers)


def test_a_submitted_change_goes_live_once_a_moderator_approves_it(admin_client_with_mfa):
    concept = begrip("opgave", OLD)
    state = _submitted(admin_client_with_mfa, concept, definition=NEW)
    assert fresh(concept).definition == OLD  # not live while in review

    response = _act(admin_client_with_mfa, concept, state, "approve", comment="")
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert fresh(concept).definition == NEW
    assert fresh(concept).live


def test_asking_for_changes_keeps_the_live_version(admin_client_with_mfa):
    concept = begrip("opgave", OLD)
    state = _submitted(admin_client_with_mfa, concept, definition=NEW)
    response = _act(
        admin_client_with_mfa, concept, state, "reject", comment="Korter formuleren graag."
    )
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert fresh(concept).definition == OLD
    assert fresh(concept).live


def test_rejecting_for_good_ends_the_review_keeps_the_live_version_and_records_the_reason(
    admin_client_with_mfa,
):
    concept = begrip("opgave", OLD)
    state = _submitted(admin_client_with_mfa, concept, definition=NEW)
    reason = "Dit begrip bestaat al onder een andere naam."
    response = _act(admin_client_with_mfa, concept, state, "afwijzen", comment=reason)
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert fresh(concept).definition == OLD
    assert not fresh(concept).workflow_in_progress
    entry = review_log(concept)
    assert entry.data == {"reason": reason}
    assert entry.user == admin_client_with_mfa.staff
    assert TaskState.objects.get(pk=state.current_task_state.pk).comment == reason
    history_url = f"/admin/snippets/glossary/concept/history/{concept.pk}/"
    history = html(admin_client_with_mfa.get(history_url))
    assert "Begrip afgewezen" in history


def test_rejecting_for_good_needs_a_reason(admin_client_with_mfa):
    concept = begrip("opgave", OLD)
    state = _submitted(admin_client_with_mfa, concept, definition=NEW)
    _act(admin_client_with_mfa, concept, state, "afwijzen", comment="  ")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_only_moderators_and_administrators_may_reject_a_begrip():
    task = ReviewTask.objects.get()
    concept = begrip("opgave", OLD)
    editor = StaffFactory(is_superuser=False)
    assert task.get_actions(concept, editor) == []
    names = [name for name, _label, _modal in task.get_actions(concept, StaffFactory())]
    assert names == ["reject", "approve", "approve", "afwijzen"]


def test_two_drafts_taking_the_same_term_the_second_approval_is_refused_and_stays_open(
    client, login_with_mfa
):
    alpha, beta = begrip("alfa", OLD), begrip("beta", OLD)
    login_with_mfa(client, staff_in("Redactie", "Moderatie"))
    first = _submitted(client, alpha, pref_label="gamma")
    second = _submitted(client, beta, pref_label="gamma")
    assert _act(client, alpha, first, "approve", comment="").status_code == 302
    assert fresh(alpha).pref_label == "gamma"

    response = _act(client, beta, second, "approve", comment="")
    assert response.status_code == 302
    page = html(client.get(response["Location"]))
    assert "Goedkeuren kan nog niet; de beoordeling blijft open." in page
    assert "&#x27;gamma&#x27; is al een term van het begrip &#x27;gamma&#x27;." in page
    second.refresh_from_db()
    assert second.status == WorkflowState.STATUS_IN_PROGRESS
    assert second.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert fresh(beta).pref_label == "beta"


def test_approving_a_clashing_version_from_the_edit_form_shows_the_clash(client, login_with_mfa):
    alpha, beta = begrip("alfa", OLD), begrip("beta", OLD)
    login_with_mfa(client, staff_in("Redactie", "Moderatie"))
    _submitted(client, alpha, pref_label="gamma")
    state = _submitted(client, beta, pref_label="gamma")
    review_approve = _act(
        client, alpha, WorkflowState.objects.get(object_id=str(alpha.pk)), "approve"
    )
    assert review_approve.status_code == 302

    data = concept_form(fresh(beta), "workflow-action")
    data["workflow-action-name"] = "approve"
    response = client.post(edit_url(beta), data)
    assert response.status_code == 200
    assert "&#x27;gamma&#x27; is al een term van het begrip &#x27;gamma&#x27;." in html(response)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert fresh(beta).pref_label == "beta"


def test_an_alternative_term_that_became_another_begrips_term_is_not_approved(
    client, login_with_mfa
):
    alpha, beta = begrip("alfa", OLD), begrip("beta", OLD)
    login_with_mfa(client, staff_in("Moderatie"))
    first = _submitted(client, alpha, pref_label="gamma")
    second = _submitted(client, beta, alt_labels="gamma")
    _act(client, alpha, first, "approve", comment="")
    # From the modal dialog, as the admin's script sends it.
    modal = _act(
        client, beta, second, "approve", headers={"x-requested-with": "XMLHttpRequest"}, comment=""
    )
    assert modal.json()["step"] == "success"
    assert "Goedkeuren kan nog niet" in html(client.get(modal.json()["redirect"]))
    second.refresh_from_db()
    assert second.status == WorkflowState.STATUS_IN_PROGRESS
    assert fresh(beta).alt_labels == ""


def test_without_a_workflow_start_review_does_nothing():
    Workflow.objects.all().delete()
    concept = begrip("opgave", OLD)
    assert review.start_review(concept, None) is None


def review_log(concept):
    from wagtail.models import ModelLogEntry

    return ModelLogEntry.objects.get(object_id=str(concept.pk), action=review.REJECTED)
