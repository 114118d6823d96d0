"""History for snippets that had none: people, organisations and themes made before they had
revisions (or by code: the demo, imports, factories) get their current state recorded as
the first revision when staff first open them for editing, so the first change can be
compared and undone like any later one."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, RevisionMixin

BASELINE = "leerhuis.beginstand"
LABELS = {BASELINE: _("Beginstand vastgelegd")}


def record_baseline(instance):
    """Save the stored state as a revision (the live one, if the object is live) with a log
    entry, for an object without any revision yet. Does nothing otherwise."""
    if not isinstance(instance, RevisionMixin) or not instance.pk or instance.latest_revision_id:
        return None
    # changed=False: the object has no unpublished changes because of this revision.
    revision = instance.save_revision(clean=False, changed=False)
    if isinstance(instance, DraftStateMixin) and instance.live:
        type(instance).objects.filter(pk=instance.pk).update(live_revision=revision)
        instance.live_revision = revision
    # content_changed: the history offers to review and restore only such entries' revisions.
    log(instance=instance, action=BASELINE, revision=revision, content_changed=True)
    return revision


def before_edit(request, instance):
    """The before_edit_snippet hook: runs on opening the editor and on saving it."""
    record_baseline(instance)
