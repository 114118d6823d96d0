"""Members' proposals for the begrippenkader, as verbs: propose, accept, reject.

A proposal is its own record until an editor accepts it; only then does a draft begrip (a
new one with status "voorgesteld", or a new draft version of an existing one) enter the
review workflow (glossary.review). The site never shows a proposal's text as a begrip
before that review approved it. The proposer hears of each decision by mail, queued in the
outbox with one key per proposal and outcome, so a mail never goes twice.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from glossary import review
from glossary.models import Concept, ConceptStatus, Proposal, ProposalKind, ProposalStatus
from leerhuis.core.formatting import absolute_url
from leerhuis.core.outbox import queue
from members.membership import membership_on


class ProposalError(Exception):
    """A decision that cannot be taken, with the Dutch reason."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def propose_block(user) -> str:
    """Why `user` may not propose a begrip, in Dutch; "" when they may. Proposing is for
    members (DESIGN.md); the site's forms and Mijn Leerhuis both ask this."""
    status = membership_on(user)
    if status.is_member:
        return ""
    return str(status.message)


def propose(
    user, *, reason, concept=None, pref_label="", definition="", explanation="", alt_labels=""
):
    """Record a proposal: a change to `concept` when given, else a new begrip."""
    return Proposal.objects.create(
        kind=ProposalKind.CHANGE if concept is not None else ProposalKind.NEW,
        proposer=user,
        concept=concept,
        pref_label=pref_label.strip() if concept is None else concept.pref_label,
        definition=definition.strip(),
        explanation=explanation.strip(),
        alt_labels=alt_labels.strip(),
        reason=reason.strip(),
    )


@transaction.atomic
def accept(proposal, by, note=""):
    """Make the proposal a draft in review: a new begrip "voorgesteld", or a new draft version
    of the begrip it is about. Refused (ProposalError) when decided already or when the
    text no longer fits the begrippenkader (a term taken in the meantime, say)."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_open:
        raise ProposalError(_("Over dit voorstel is al besloten."))
    if proposal.kind == ProposalKind.NEW:
        concept = _new_draft(proposal)
    else:
        concept = _changed_draft(proposal)
    concept.save_revision(user=by, log_action=True)
    state = review.start_review(concept, by)
    proposal.status = ProposalStatus.ACCEPTED
    proposal.concept = Concept.objects.get(pk=concept.pk)
    proposal.workflow_state = state
    _decided(proposal, by, note)
    log(instance=proposal, action=review.PROPOSAL_ACCEPTED, user=by, data={"note": note})
    _mail(proposal, "geaccepteerd", gettext_lazy("Je voorstel is geaccepteerd: %(term)s"))
    return proposal


@transaction.atomic
def reject(proposal, by, reason):
    """Turn an open proposal down, with the reason the proposer gets by mail."""
    reason = (reason or "").strip()
    if not reason:
        raise ProposalError(_("Geef de reden waarom het voorstel wordt afgewezen."))
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_open:
        raise ProposalError(_("Over dit voorstel is al besloten."))
    _rejected(proposal, by, reason)
    return proposal


def rejected_in_review(workflow_state, by, reason):
    """The review that an accepted proposal started ended in "Afwijzen": the proposal is
    rejected after all, with the reviewer's reason."""
    found = Proposal.objects.select_for_update().filter(
        workflow_state=workflow_state, status=ProposalStatus.ACCEPTED
    )
    for proposal in found:
        _rejected(proposal, by, reason)


def _rejected(proposal, by, reason):
    proposal.status = ProposalStatus.REJECTED
    _decided(proposal, by, reason)
    log(instance=proposal, action=review.PROPOSAL_REJECTED, user=by, data={"reason": reason})
    _mail(proposal, "afgewezen", gettext_lazy("Je voorstel is afgewezen: %(term)s"))


def _decided(proposal, by, note):
    proposal.decision_note = note
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.save()


def _checked(concept):
    try:
        concept.full_clean()
    except ValidationError as error:
        messages = [m for ms in error.message_dict.values() for m in ms]
        raise ProposalError(" ".join(messages)) from error
    return concept


def _new_draft(proposal):
    concept = _checked(
        Concept(
            pref_label=proposal.pref_label,
            definition=proposal.definition,
            explanation=proposal.explanation,
            alt_labels=proposal.alt_labels,
            status=ConceptStatus.VOORGESTELD,
            live=False,
            has_unpublished_changes=True,
        )
    )
    concept.save()
    return concept


def _changed_draft(proposal):
    if proposal.concept_id is None:
        raise ProposalError(_("Het begrip van dit voorstel bestaat niet meer."))
    concept = Concept.objects.get(pk=proposal.concept_id)
    if concept.workflow_in_progress:
        raise ProposalError(
            _(
                "Dit begrip wordt al beoordeeld. Rond die beoordeling eerst af en accepteer dit "
                "voorstel daarna."
            )
        )
    draft = concept.get_latest_revision_as_object()
    for field in ("definition", "explanation", "alt_labels"):
        if getattr(proposal, field):
            setattr(draft, field, getattr(proposal, field))
    return _checked(draft)


def _mail(proposal, outcome, subject):
    """`subject` is lazy: the proposer reads it in the site's language, whatever the
    deciding editor's admin speaks."""
    user = proposal.proposer
    if user is None or not user.email:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        term = proposal.concept.pref_label if proposal.concept_id else proposal.pref_label
        subject = str(subject) % {"term": term}
        context = {
            "subject": subject,
            "proposal": proposal,
            "name": user.full_name or user.email,
            "term": term,
            "dashboard_url": absolute_url(reverse("mijn_leerhuis")),
        }
        return queue(
            f"begripvoorstel-{outcome}:{proposal.pk}",
            user.email,
            subject,
            f"glossary/mail/voorstel_{outcome}",
            context,
        )
