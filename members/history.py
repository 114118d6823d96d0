"""History for snippets that had none: people, organisations and themes made before they had
revisions (or by code: the demo, imports, factories) get their current state recorded as
the first revision when staff first open them for editing, so the first change can be
compared and undone like any later one."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Revision, RevisionMixin

BASELINE = "leerhuis.beginstand"
LABELS = {BASELINE: _("Beginstand vastgelegd")}


def record_baseline(instance):
    """Save the stored state as a revision (the live one, if the object is live) with a log
    entry, for an object without any revision yet. Does nothing otherwise."""
    if not isinstance(instance, RevisionMixin) or not instance.pk or instance.latest_revision_id:
        return None
    # Made by hand, not by save_revision(): that saves the object, and its save signals
    # (an organisation's merger, its domains) have nothing to do with opening an editor.
    revision = Revision.objects.create(
        content_object=instance,
        base_content_type=instance.get_base_content_type(),
        content=instance.serializable_data(),
        object_str=str(instance),
    )
    recorded = {"latest_revision": revision}
    if isinstance(instance, DraftStateMixin) and instance.live:
        recorded["live_revision"] = revision  # it is what is live
    type(instance).objects.filter(pk=instance.pk).update(**recorded)
    for field, value in recorded.items():
        setattr(instance, field, value)
    # content_changed: the history offers to review and restore only such entries' revisions.
    log(instance=instance, action=BASELINE, revision=revision, content_changed=True)
    return revision
