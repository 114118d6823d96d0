"""Themes move from free tags to the one vocabulary (core.Thema).

Every tag on a meeting or leergang becomes a Thema with the same name and slug, so
`?thema=<slug>` URLs and subscribed feeds of before keep finding the same meetings. Saved
revisions (drafts, history) are rewritten to the new field, so publishing an old draft
keeps its themes.
"""

import modelcluster.fields
from django.db import migrations

THEMED = {"eventpage": "EventPageTheme", "learningtrackpage": "LearningTrackPageTheme"}


def tags_to_themes(apps, schema_editor):
    Thema = apps.get_model("core", "Thema")
    Tag = apps.get_model("taggit", "Tag")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")

    used = set()
    for through in THEMED.values():
        used.update(apps.get_model("events", through).objects.values_list("tag_id", flat=True))
    themes = {}
    by_name = {}
    for tag in Tag.objects.filter(pk__in=used).order_by("pk"):
        # Names are unique regardless of case in the vocabulary: "wonen" joins "Wonen".
        existing = by_name.get(tag.name.lower())
        if existing is None:
            existing = Thema.objects.create(name=tag.name, slug=tag.slug)
            by_name[tag.name.lower()] = existing
        themes[tag.pk] = existing

    for model_name, through in THEMED.items():
        links = apps.get_model("events", model_name)._meta.get_field("new_themes").remote_field
        links.through.objects.bulk_create(
            [
                links.through(
                    **{f"{model_name}_id": link.content_object_id},
                    thema_id=themes[link.tag_id].pk,
                )
                for link in apps.get_model("events", through).objects.all()
            ],
            ignore_conflicts=True,  # two tags that became one theme
        )

        content_type = ContentType.objects.filter(app_label="events", model=model_name).first()
        if content_type is None:
            continue
        for revision in Revision.objects.filter(content_type=content_type):
            content = dict(revision.content)
            tagged = content.pop("tagged_themes", None)
            if tagged is None:
                continue
            ids = [themes[item["tag"]].pk for item in tagged if item.get("tag") in themes]
            content["themes"] = sorted(set(ids))
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
