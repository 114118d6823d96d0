"""Signals of the glossary, wired in GlossaryConfig.ready()."""

from django.db.models.signals import pre_save

from glossary.models import Concept, FormerSlug


def keep_former_slug(sender, instance, raw=False, **kwargs):
    """A published begrip that gets a new slug keeps its old address as a redirect: its URI
    may be in other people's documents and datasets."""
    if raw or instance.pk is None:
        return
    old = Concept.objects.filter(pk=instance.pk, live=True).values_list("slug", flat=True).first()
    FormerSlug.objects.filter(slug=instance.slug).delete()
    if old and old != instance.slug:
        FormerSlug.objects.update_or_create(slug=old, defaults={"concept_id": instance.pk})


def connect():
    pre_save.connect(keep_former_slug, sender=Concept, dispatch_uid="glossary_keep_former_slug")
