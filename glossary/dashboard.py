"""Mijn Leerhuis for the begrippenkader: my proposals and what became of them, their share
of "download mijn gegevens", and what happens to them when an account goes.

The three hooks of members.dashboard; glossary/wagtail_hooks.py imports this module.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from glossary import proposals
from glossary.models import Proposal
from members.dashboard import DELETE_HOOK, EXPORT_HOOK, SECTIONS_HOOK, Section


@hooks.register(SECTIONS_HOOK)
def proposals_section(request):
    """Shown to members (who may propose) and to anyone who once proposed."""
    user = request.user
    if not user.is_authenticated:
        return None
    mine = list(Proposal.objects.of(user))
    may_propose = not proposals.propose_block(user)
    if not mine and not may_propose:
        return None
    return Section(
        title=_("Mijn voorstellen voor begrippen"),
        template="glossary/includes/mijn_voorstellen.html",
        context={"proposals": mine, "may_propose": may_propose},
        order=60,
        slug="begripvoorstellen",
    )


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


@hooks.register(EXPORT_HOOK)
def export_proposals(user):
    return (
        "begripvoorstellen",
        [
            {
                "soort": p.get_kind_display(),
                "begrip": p.concept.pref_label if p.concept_id else None,
                "term": p.pref_label,
                "definitie": p.definition,
                "uitleg": p.explanation,
                "andere_termen": p.alt_labels,
                "toelichting": p.reason,
                "status": p.state_label(),
                "ingediend_op": _iso(p.created_at),
                "besluit": p.decision_note,
                "besloten_op": _iso(p.decided_at),
            }
            for p in Proposal.objects.of(user)
        ],
    )


@hooks.register(DELETE_HOOK)
def forget_proposals(user):
    """Open proposals go with the account; decided ones stay, without their proposer, as
    the history of the begrippenkader."""
    Proposal.objects.filter(proposer=user).open().delete()
    Proposal.objects.filter(proposer=user).update(proposer=None)
