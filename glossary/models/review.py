"""The review task of the workflow "Begrippen vaststellen".

Wagtail's group approval offers approve and request changes ("reject" there means: back to
the editor). A begrip can also be turned down for good: "Afwijzen" ends the workflow with a
reason in the log, and the proposal it came from hears of it (glossary.review). Approving
is refused (glossary.review.ApprovalRefused) when the version no longer fits the rules.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

from leerhuis.core.review import REJECT, FinalRejectionMixin, reason_form

APPROVE = "approve"
__all__ = ["APPROVE", "REJECT", "ReviewTask"]


class ReviewTask(FinalRejectionMixin, GroupApprovalTask):
    reject_form = reason_form(
        _("De indiener van een voorstel krijgt deze reden per mail."),
        _("Geef de reden waarom het begrip wordt afgewezen."),
    )

    def reject_finally(self, task_state, user, reason):
        from glossary import review  # review reads the models: import when needed

        return review.reject_finally(task_state, user, reason)

    def on_action(self, task_state, user, action_name, **kwargs):
        from glossary import review

        if action_name == APPROVE:
            errors = review.approval_errors(task_state)
            if errors:
                raise review.ApprovalRefused(errors)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Leden van de gekozen groepen keuren een begrip goed, vragen om wijzigingen of "
            "wijzen het af met een reden."
        )

    class Meta:
        verbose_name = _("beoordeling van een begrip")
        verbose_name_plural = _("beoordelingen van begrippen")
