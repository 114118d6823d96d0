"""Wagtail's dashboard panel "Awaiting your review", at a fixed number of queries.

Moderators approve cases, begrippen and pages straight from this panel, so it stays. But
Wagtail's own version asks the database for the task list of every item it shows (one
WorkflowState.all_tasks_with_status() each), so the dashboard grows a query per item in
review. This version reads the task lists of all the items in two queries and otherwise does
what Wagtail 8.0's WorkflowObjectsToModeratePanel.get_context_data does (its loop is copied
from wagtail/admin/views/home.py; check it again when Wagtail is upgraded).
"""

from collections import defaultdict
from types import SimpleNamespace

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, Revision, Task, TaskState, WorkflowTask

STATUS_LABELS = dict(TaskState.STATUS_CHOICES)


def tasks_with_status(workflow_states):
    """{workflow state id: its workflow's tasks in order, each with .name, .status and
    .status_display}, as WorkflowState.all_tasks_with_status() gives for one: the status of
    the latest task state of each task, "Not started" where there is none. Two queries."""
    steps = defaultdict(list)
    for step in (
        WorkflowTask.objects.filter(
            workflow_id__in={state.workflow_id for state in workflow_states}
        )
        .select_related("task")
        .order_by("sort_order", "pk")
    ):
        steps[step.workflow_id].append(step.task)
    latest = {}
    for task_state in TaskState.objects.filter(
        workflow_state__in=[state.pk for state in workflow_states]
    ).order_by("started_at", "id"):
        latest[(task_state.workflow_state_id, task_state.task_id)] = task_state.status
    found = {}
    for state in workflow_states:
        found[state.pk] = [
            SimpleNamespace(
                pk=task.pk,
                name=task.name,
                status=latest.get((state.pk, task.pk)),
                status_display=STATUS_LABELS.get(latest.get((state.pk, task.pk)), _("Not started")),
            )
            for task in steps[state.workflow_id]
        ]
    return found


class ReviewPanel(WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context):
        if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
            # Only task states of the latest revision count then: Wagtail's own reading.
            return super().get_context_data(parent_context)
        request = parent_context["request"]
        context = {
            "states": [],
            "request": request,
            "csrf_token": parent_context["csrf_token"],
        }
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context

        states = list(
            TaskState.objects.reviewable_by(request.user)
            .select_related(
                "revision",
                "revision__user",
                "workflow_state",
                "workflow_state__workflow",
            )
            .prefetch_related(
                "revision__content_object",
                "revision__content_object__latest_revision",
            )
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        )
        workflow_tasks = tasks_with_status([state.workflow_state for state in states])
        tasks = Task.objects.filter(pk__in={state.task_id for state in states}).specific()
        tasks = {task.pk: task for task in tasks}
        for state in states:
            obj = state.revision.content_object
            if not obj:  # the object is gone (see Wagtail's own panel)
                continue
            actions = tasks[state.task_id].get_actions(obj, request.user)
            action_url = "wagtailadmin_pages:workflow_action"
            preview_url = "wagtailadmin_pages:workflow_preview"
            compare_url = "wagtailadmin_pages:revisions_compare"
            if not isinstance(obj, Page):
                viewset = obj.snippet_viewset
                action_url = viewset.get_url_name("workflow_action")
                preview_url = viewset.get_url_name("workflow_preview")
                compare_url = viewset.get_url_name("revisions_compare")
            if not getattr(obj, "is_previewable", False):
                preview_url = None
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": actions,
                    "workflow_tasks": workflow_tasks[state.workflow_state_id],
                    "workflow_action_url_name": action_url,
                    "workflow_preview_url_name": preview_url,
                    "revisions_compare_url_name": compare_url,
                }
            )
        return context
