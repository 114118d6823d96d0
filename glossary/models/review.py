"""The review task of the workflow "Begrippen vaststellen".

Wagtail's group approval offers approve and request changes ("reject" there means: back to
the editor). A begrip can also be turned down for good: "Afwijzen" ends the workflow with a
reason in the log, and the proposal it came from hears of it (glossary.review). Approving
is refused (glossary.review.ApprovalRefused) when the version no longer fits the rules.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

REJECT = "afwijzen"
APPROVE = "approve"


class RejectReasonForm(forms.Form):
    comment = forms.CharField(
        label=_("Reden van afwijzen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("De indiener van een voorstel krijgt deze reden per mail."),
        error_messages={"required": _("Geef de reden waarom het begrip wordt afgewezen.")},
    )


class ReviewTask(GroupApprovalTask):
    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions:
            actions = [*actions, (REJECT, _("Afwijzen"), True)]
        return actions

    def get_form_for_action(self, action):
        if action == REJECT:
            return RejectReasonForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        from glossary import review  # review reads the models: import when needed

        if action_name == REJECT:
            review.reject_finally(task_state, user, kwargs.get("comment", ""))
            return None  # the admin reads a returned value as where to go next
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
