"""The dashboard's "In afwachting van jouw beoordeling": what waits in a review task this
user may decide on (a praktijkcasus, a begrip, a page), newest first, each linked to the
editor where the reviewer approves it or asks for changes.

It takes the place of Wagtail's panel of that name, which reads each item's workflow and
task again on its own, so the dashboard grew by queries with every item waiting. This one
reads the queue in one query and the items in one per kind of item.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

SHOWN = 20  # the rest is in Wagtail's workflow report, linked below the list


def review_queue(user):
    """(items, how many wait in all): the newest SHOWN task states `user` may decide."""
    states = TaskState.objects.reviewable_by(user).filter(status=TaskState.STATUS_IN_PROGRESS)
    total = states.count()
    shown = (
        states.select_related("task", "revision", "workflow_state__requested_by")
        .prefetch_related("revision__content_object")
        .order_by("-started_at", "-pk")[:SHOWN]
    )
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
        items, total = review_queue(self.user)
        return {
            "items": items,
            "more": total - len(items),
            "report_url": reverse("wagtailadmin_reports:workflow") + "?reviewable=true",
            "heading": _("In afwachting van jouw beoordeling"),
        }
