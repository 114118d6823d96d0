"""A member's proposal for a new begrip or a change to one: its own record, not yet a concept.

Editors decide on it (glossary.proposals: accept, reject). Accepting makes a draft that goes
through the review workflow, so a proposal never changes what the site shows by itself. The
proposal keeps the workflow state it started, so a final rejection in review finds its
proposal again and tells the proposer.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState


class ProposalKind(models.TextChoices):
    NEW = "nieuw", _("nieuw begrip")
    CHANGE = "wijziging", _("wijziging")


class ProposalStatus(models.TextChoices):
    SUBMITTED = "ingediend", _("ingediend")
    ACCEPTED = "geaccepteerd", _("geaccepteerd")
    REJECTED = "afgewezen", _("afgewezen")


class ProposalQuerySet(models.QuerySet):
    def of(self, user):
        """Someone's own proposals, newest first, with what the listing shows."""
        return (
            self.filter(proposer=user)
            .select_related("concept", "workflow_state")
            .order_by("-created_at", "-pk")
        )

    def open(self):
        return self.filter(status=ProposalStatus.SUBMITTED)


class Proposal(models.Model):
    kind = models.CharField(_("soort"), max_length=20, choices=ProposalKind.choices)
    status = models.CharField(
        _("stand van het voorstel"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.SUBMITTED,
        db_index=True,
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="concept_proposals",
    )
    # A change: the begrip it is about. A new begrip: the draft made when it was accepted.
    concept = models.ForeignKey(
        "glossary.Concept",
        verbose_name=_("begrip"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    pref_label = models.CharField(_("term"), max_length=150, blank=True)
    definition = models.TextField(_("definitie"), max_length=2000, blank=True)
    explanation = models.TextField(_("uitleg in gewone taal"), blank=True)
    alt_labels = models.TextField(_("andere termen"), blank=True)
    reason = models.TextField(_("waarom"), max_length=2000)
    created_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)

    decision_note = models.TextField(_("toelichting bij het besluit"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def title(self):
        if self.kind == ProposalKind.CHANGE and self.concept_id:
            return _("Wijziging van '%(term)s'") % {"term": self.concept.pref_label}
        return _("Nieuw begrip '%(term)s'") % {"term": self.pref_label}

    # An accepted proposal is as far as the review it started (glossary.review).
    REVIEW_LABELS = {
        WorkflowState.STATUS_IN_PROGRESS: _("geaccepteerd, ligt ter beoordeling bij de redactie"),
        WorkflowState.STATUS_NEEDS_CHANGES: _("geaccepteerd, de redactie werkt het nog bij"),
        WorkflowState.STATUS_APPROVED: _("geaccepteerd en gepubliceerd"),
        WorkflowState.STATUS_CANCELLED: _("geaccepteerd, maar de beoordeling is gestopt"),
    }

    def state_label(self):
        """Where the proposal is now, for its proposer (Mijn Leerhuis and the data export)."""
        if self.is_accepted and self.workflow_state_id:
            label = self.REVIEW_LABELS.get(self.workflow_state.status)
            if label:
                return str(label)
        return self.get_status_display()

    @property
    def is_open(self):
        return self.status == ProposalStatus.SUBMITTED

    @property
    def is_accepted(self):
        return self.status == ProposalStatus.ACCEPTED

    @property
    def is_rejected(self):
        return self.status == ProposalStatus.REJECTED
