"""The dashboard's "In afwachting van jouw beoordeling" and its whole list at
/admin/ter-beoordeling/ (?workflow= for one workflow): what waits in a review task this user
may decide on (a praktijkcasus, a begrip, a page), newest first, each linked to the editor
where the reviewer approves it or asks for changes. Wagtail's workflow report would not do
for the list: it only shows what the reviewer may also edit, and Moderatie reviews cases it
does not write.

It takes the place of Wagtail's panel of that name, which reads each item's workflow and
task again on its own, so the dashboard grew by queries with every item waiting. This one
reads the queue in one query and the items in one per kind of item.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import TaskState

SHOWN = 10  # on the dashboard; the list has them all
URL_NAME = "ter_beoordeling"


def queue_url(workflow_id=None):
    query = f"?{urlencode({'workflow': workflow_id})}" if workflow_id else ""
    return reverse(URL_NAME) + query


def review_queue(user, workflow_id=None, limit=None):
    """(items, how many wait in all): the newest task states `user` may decide on, in the
    workflow `workflow_id` or in all; `limit` of them when given."""
    states = TaskState.objects.reviewable_by(user).filter(status=TaskState.STATUS_IN_PROGRESS)
    if workflow_id:
        states = states.filter(workflow_state__workflow_id=workflow_id)
    total = states.count()
    shown = (
        states.select_related("task", "revision", "workflow_state__requested_by")
        .prefetch_related("revision__content_object")
        .order_by("-started_at", "-pk")
    )
    if limit:
        shown = shown[:limit]
    finder = AdminURLFinder(user)
    items = []
    for state in shown:
        obj = state.revision.content_object
        if obj is None:  # deleted since it was submitted
            continue
        items.append(
            {
                "title": str(obj),
                "kind": obj._meta.verbose_name,
                "url": finder.get_edit_url(obj),
                "task": state.task.name,
                "requested_by": state.workflow_state.requested_by,
                "since": state.started_at,
            }
        )
    return items, total


class ReviewQueuePanel(Component):
    name = "workflow_objects_to_moderate"  # the name of Wagtail's panel, which it replaces
    order = 220
    template_name = "community/admin/ter_beoordeling_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        items, total = review_queue(self.user, limit=SHOWN)
        return {
            "items": items,
            "more": total - len(items),
            "list_url": queue_url(),
            "heading": _("In afwachting van jouw beoordeling"),
        }


class ReviewQueueView(WagtailAdminTemplateMixin, TemplateView):
    """Every item waiting for this reviewer; only what they may decide on, so it needs no
    permission of its own beyond the admin."""

    template_name = "community/admin/ter_beoordeling.html"
    page_title = _("In afwachting van jouw beoordeling")
    header_icon = "tasks"

    def get_context_data(self, **kwargs):
        workflow = self.request.GET.get("workflow", "")
        workflow_id = int(workflow) if workflow.isdigit() else None
        items, _total = review_queue(self.request.user, workflow_id)
        return super().get_context_data(items=items, **kwargs)
