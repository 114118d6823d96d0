"""Themes move from free tags to the one vocabulary (core.Thema).

Every tag on a meeting or leergang (or in one of their drafts) becomes a Thema with the
same name and slug, so `?thema=<slug>` URLs and subscribed feeds of before keep finding the
same meetings. Saved revisions (drafts, history) are rewritten to the new field, so
publishing an old draft keeps its themes.
"""

import modelcluster.fields
from django.db import migrations

THEMED = {"eventpage": "EventPageTheme", "learningtrackpage": "LearningTrackPageTheme"}


def tags_to_themes(apps, schema_editor):
    Thema = apps.get_model("core", "Thema")
    Tag = apps.get_model("taggit", "Tag")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_types = {
        model_name: ContentType.objects.filter(app_label="events", model=model_name).first()
        for model_name in THEMED
    }
    revisions = Revision.objects.filter(
        content_type__in=[ct for ct in content_types.values() if ct is not None]
    )

    # Every tag on a page, and every tag a draft holds: each becomes its own theme, with its
    # own slug, so no old address stops working. Two names that differ only in case get the
    # slug behind the second one; editors can merge them afterwards.
    used = set()
    for through in THEMED.values():
        used.update(apps.get_model("events", through).objects.values_list("tag_id", flat=True))
    for content in revisions.values_list("content", flat=True).iterator():
        used.update(item.get("tag") for item in content.get("tagged_themes") or [])
    themes, names = {}, set()
    for tag in Tag.objects.filter(pk__in=used).order_by("pk"):
        name = tag.name if tag.name.lower() not in names else f"{tag.name} ({tag.slug})"
        names.add(name.lower())
        themes[tag.pk] = Thema.objects.create(name=name[:100], slug=tag.slug[:100])

    for model_name, through in THEMED.items():
        links = apps.get_model("events", model_name)._meta.get_field("new_themes").remote_field
        pairs = {
            (page_id, themes[tag_id].pk)
            for page_id, tag_id in apps.get_model("events", through).objects.values_list(
                "content_object_id", "tag_id"
            )
        }
        links.through.objects.bulk_create(
            links.through(**{f"{model_name}_id": page_id}, thema_id=thema_id)
            for page_id, thema_id in sorted(pairs)
        )

    for revision in revisions.iterator():
        content = dict(revision.content)
        tagged = content.pop("tagged_themes", None)
        if tagged is None:
            continue
        ids = {themes[item["tag"]].pk for item in tagged if item.get("tag") in themes}
        content["themes"] = sorted(ids)
        revision.content = content
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_themes"),
        ("events", "0005_auto_link_terms"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="new_themes",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True, related_name="+", to="core.thema", verbose_name="thema's"
            ),
        ),
        migrations.AddField(
            model_name="learningtrackpage",
            name="new_themes",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True, related_name="+", to="core.thema", verbose_name="thema's"
            ),
        ),
        migrations.RunPython(tags_to_themes, migrations.RunPython.noop),
        migrations.RemoveField(model_name="eventpage", name="themes"),
        migrations.RemoveField(model_name="learningtrackpage", name="themes"),
        migrations.DeleteModel(name="EventPageTheme"),
        migrations.DeleteModel(name="LearningTrackPageTheme"),
        migrations.RenameField(model_name="eventpage", old_name="new_themes", new_name="themes"),
        migrations.RenameField(
            model_name="learningtrackpage", old_name="new_themes", new_name="themes"
        ),
    ]
