"""What a workflow does when its last task is approved (WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail imports this while it builds its own models, so it imports nothing of Wagtail.
"""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision. The approval is the permission: who may approve is the
    task's groups, so a reviewer needs no right to publish otherwise (Moderatie approves
    cases without being able to publish or unpublish the kennisbank's other pages)."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
