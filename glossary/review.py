"""Review of begrippen: a change to a vastgesteld begrip goes live only through the
workflow "Begrippen vaststellen" (glossary/migrations/0003_review_workflow.py).

One rule, one home: publish_block() says why a version may not be published directly, and
the admin's create and edit views ask it (glossary/admin_views.py). Drafts that are still
"in bewerking" may be published at once by whoever may publish (the Moderators, migration
0004); what is, or becomes, vastgesteld is first approved by the Moderators. Their final
"Afwijzen" ends the workflow with a reason in Wagtail's log; the live version stays as it
was, and a begrip that was never live goes altogether, so its term is free again.

Approval publishes a version that was checked when it was saved; other begrippen may have
gone live since. approval_errors() checks it again, and an approval it refuses keeps the
review open with the reasons shown to the moderator (glossary/admin_views.py), never a 500.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from glossary.models import Concept, ConceptStatus
from leerhuis.core.review import end_with_reason

REJECTED = "glossary.afgewezen"
PROPOSAL_ACCEPTED = "glossary.voorstel_geaccepteerd"
PROPOSAL_REJECTED = "glossary.voorstel_afgewezen"

# Dutch labels for the admin's history; glossary/wagtail_hooks.py registers them.
LABELS = {
    REJECTED: _("Begrip afgewezen"),
    PROPOSAL_ACCEPTED: _("Voorstel geaccepteerd"),
    PROPOSAL_REJECTED: _("Voorstel afgewezen"),
}


class ApprovalRefused(Exception):
    """Approving would publish a version that breaks the begrippenkader's rules now."""

    def __init__(self, messages):
        super().__init__(" ".join(messages))
        self.messages = messages


def approval_errors(task_state) -> list[str]:
    """What stops the version in review from going live now, in Dutch; empty when nothing.
    Wagtail publishes the begrip's latest revision on approval, so that one is checked."""
    concept = Concept.objects.get(pk=task_state.workflow_state.object_id)
    return concept.get_latest_revision().as_object().publish_errors()


def refusal_message(refused) -> str:
    return str(_("Goedkeuren kan nog niet; de beoordeling blijft open. %(reasons)s")) % {
        "reasons": " ".join(refused.messages)
    }


def publish_block(concept_pk, new_status) -> str:
    """Why this version of a begrip may not be published without review; "" when it may."""
    if (
        concept_pk
        and Concept.objects.filter(
            pk=concept_pk, live=True, status=ConceptStatus.VASTGESTELD
        ).exists()
    ):
        return str(
            _(
                "Dit begrip is vastgesteld: een wijziging gaat pas online na beoordeling. Stuur "
                "haar door naar 'Begrippen vaststellen'; na goedkeuring wordt ze gepubliceerd."
            )
        )
    if new_status == ConceptStatus.VASTGESTELD:
        return str(
            _(
                "Een vastgesteld begrip gaat pas online na beoordeling. Stuur het door naar "
                "'Begrippen vaststellen'; na goedkeuring wordt het gepubliceerd."
            )
        )
    return ""


def start_review(concept, user):
    """Put the latest version of `concept` in the review workflow; the running review when
    there is one already, None when no workflow is set up for begrippen."""
    current = concept.current_workflow_state
    if current is not None:
        return current
    workflow = Concept.get_default_workflow()
    if workflow is None:
        return None
    return workflow.start(concept, user)


@transaction.atomic
def reject_finally(task_state, user, reason) -> bool:
    """End the review of a begrip for good. The reason goes in the log and in the task's
    history; a proposal this review came from is rejected and its proposer told. A begrip
    that was never live is deleted: a rejected draft must not keep its term taken."""
    reason = (reason or "").strip()
    workflow_state = task_state.workflow_state
    concept = Concept.objects.get(pk=workflow_state.object_id)
    if not end_with_reason(task_state, user, reason, instance=concept, action=REJECTED):
        return False
    from glossary import proposals  # proposals starts reviews: import when needed

    proposals.rejected_in_review(workflow_state, user, reason)
    if not concept.live and concept.first_published_at is None:
        concept.delete()
    return True
