"""A review that can also say no for good, for Wagtail's group approval tasks.

Wagtail's group approval offers approve and request changes ("reject" there means: back to
the author). The begrippenkader and the kennisbank also turn things down finally, with a
reason: FinalRejectionMixin adds the action "Afwijzen", asks for the reason with
reason_form(), and hands it to the task's `reject_finally(task_state, user, reason)`;
end_with_reason() is the part every such rejection shares.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import TaskState

REJECT = "afwijzen"


def reason_form(help_text, required_message):
    """The form the admin shows for "Afwijzen": one reason, required."""

    class RejectReasonForm(forms.Form):
        comment = forms.CharField(
            label=_("Reden van afwijzen"),
            widget=forms.Textarea(attrs={"rows": 4}),
            max_length=2000,
            help_text=help_text,
            error_messages={"required": required_message},
        )

    return RejectReasonForm


class FinalRejectionMixin:
    """Mixed into a GroupApprovalTask subclass: `reject_form` is a reason_form()."""

    reject_form = None

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        return [*actions, (REJECT, _("Afwijzen"), True)] if actions else actions

    def get_form_for_action(self, action):
        return self.reject_form if action == REJECT else super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == REJECT:
            self.reject_finally(task_state, user, kwargs.get("comment", ""))
            return None  # the admin reads a returned value as where to go next
        return super().on_action(task_state, user, action_name, **kwargs)

    def reject_finally(self, task_state, user, reason):
        raise NotImplementedError


def end_with_reason(task_state, user, reason, *, instance, action, status=None):
    """End the workflow of `task_state` for good, with `reason` in the task's history and in
    the log entry `action` of `instance`. False (and nothing done) without a reason or when
    the task is no longer open."""
    if not reason or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return False
    task_state.workflow_state.cancel(user=user)
    changes = {"comment": reason, **({"status": status} if status else {})}
    TaskState.objects.filter(pk=task_state.pk).update(**changes)
    log(
        instance=instance,
        action=action,
        user=user,
        data={"reason": reason},
        revision=task_state.revision,
    )
    return True
