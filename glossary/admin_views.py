"""The begrip's create and edit views in the admin, with the review rule of glossary.review:
"Publiceren" of a version that is, or becomes, vastgesteld is refused with the reason, the
form shown again with everything typed, so the editor submits it for review instead.

An approval the review task refuses (glossary.review.ApprovalRefused) comes back as a
message to the moderator. (Approving from the edit form saves the form first, whose
validation runs the same rules.)
"""

from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail.snippets.views.snippets import CreateView, EditView, WorkflowActionView

from glossary import review


class ReviewedPublishMixin:
    def is_valid(self, form):
        valid = super().is_valid(form)
        if valid and self.action == "publish":
            concept = getattr(self, "object", None)
            reason = review.publish_block(
                concept.pk if concept is not None else None, form.cleaned_data.get("status")
            )
            if reason:
                form.add_error(None, reason)
                self.produced_error_code = "needs_review"
                self.produced_error_message = reason
                return False
        return valid


class ConceptCreateView(ReviewedPublishMixin, CreateView):
    pass


class ConceptEditView(ReviewedPublishMixin, EditView):
    pass


class ConceptWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except review.ApprovalRefused as refused:
            messages.error(request, review.refusal_message(refused))
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                return self.render_modal_json(
                    request, {"step": "success", "redirect": self.redirect_url}
                )
            return redirect(self.redirect_url)


def hide_direct_publish(menu_items, request, context):
    """No "Publiceren" button where it would be refused: the live version is vastgesteld."""
    instance = context.get("instance")
    if instance is None or instance._meta.label != "glossary.Concept":
        return
    if review.publish_block(instance.pk, None):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
