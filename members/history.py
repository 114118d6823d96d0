"""History for snippets that had none: people, organisations and themes made before they had
revisions (or by code: the demo, imports, factories) get their current state recorded as
the first revision when staff first open them for editing, so the first change can be
compared and undone like any later one."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Revision, RevisionMixin

BASELINE = "leerhuis.beginstand"
LABELS = {BASELINE: _("Beginstand vastgelegd")}


def revision_by_hand(instance, content_from, *, user=None, live=False):
    """A new latest revision of `instance` holding `content_from`'s state (`instance` itself,
    or a draft of it), and its live one too when `live`. Made by hand, not by
    save_revision(): that saves the object, and its save signals, search and reference
    index have nothing to do with recording what is already stored."""
    revision = Revision.objects.create(
        content_object=instance,
        base_content_type=instance.get_base_content_type(),
        user=user,
        content=content_from.serializable_data(),
        object_str=str(content_from),
    )
    recorded = {"latest_revision": revision}
    if hasattr(instance, "latest_revision_created_at"):  # pages keep the time apart
        recorded["latest_revision_created_at"] = revision.created_at
    if live:
        recorded["live_revision"] = revision
    # The base model holds the revision fields (Page for every page type).
    base = instance.get_base_content_type().model_class()
    base.objects.filter(pk=instance.pk).update(**recorded)
    for field, value in recorded.items():
        setattr(instance, field, value)
    return revision


def record_baseline(instance):
    """Save the stored state as a revision (the live one, if the object is live) with a log
    entry, for an object without any revision yet. Does nothing otherwise."""
    if not isinstance(instance, RevisionMixin) or not instance.pk or instance.latest_revision_id:
        return None
    live = isinstance(instance, DraftStateMixin) and instance.live  # it is what is live
    revision = revision_by_hand(instance, instance, live=live)
    # content_changed: the history offers to review and restore only such entries' revisions.
    log(instance=instance, action=BASELINE, revision=revision, content_changed=True)
    return revision
