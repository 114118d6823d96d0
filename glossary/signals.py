"""Signals of the glossary, wired in GlossaryConfig.ready()."""

from django.db.models.signals import post_delete, post_save, pre_save

from glossary import linking
from glossary.models import Concept, FormerSlug

# What the linking in texts reads of a begrip; a save of other fields changes no link.
LINKED_FIELDS = frozenset({"pref_label", "alt_labels", "definition", "slug", "status", "live"})


def keep_former_slug(sender, instance, raw=False, update_fields=None, **kwargs):
    """A published begrip that gets a new slug keeps its old address as a redirect: its URI
    may be in other people's documents and datasets. Only a save that puts the begrip live
    with its slug counts: a draft, a new unpublished begrip or a lock leaves every address
    as it is."""
    if raw or instance.pk is None or not instance.live:
        return
    if update_fields is not None and "slug" not in update_fields:
        return
    old = Concept.objects.filter(pk=instance.pk, live=True).values_list("slug", flat=True).first()
    # The address now belongs to this begrip: it no longer redirects to another one.
    FormerSlug.objects.filter(slug=instance.slug).delete()
    if old and old != instance.slug:
        FormerSlug.objects.update_or_create(slug=old, defaults={"concept_id": instance.pk})


def relink_after_save(sender, instance, update_fields=None, **kwargs):
    """Texts link the begrippen as they are now: a begrip saved, published, unpublished,
    renamed or withdrawn makes every process build its matcher again. A new draft of a live
    begrip, or a lock, saves only its own bookkeeping and changes no link."""
    if update_fields is not None and not LINKED_FIELDS.intersection(update_fields):
        return
    linking.begrippen_changed()


def relink_after_delete(sender, instance, **kwargs):
    """A deleted begrip is linked nowhere any more."""
    linking.begrippen_changed()


def connect():
    pre_save.connect(keep_former_slug, sender=Concept, dispatch_uid="glossary_keep_former_slug")
    post_save.connect(relink_after_save, sender=Concept, dispatch_uid="glossary_relink_save")
    post_delete.connect(relink_after_delete, sender=Concept, dispatch_uid="glossary_relink_delete")
