"""People and organisations get drafts, revisions, locks and the log like pages.

Existing rows stay live (the default); their first revision is recorded when staff
first open one for editing (members.history.record_baseline), so the first change can be
undone too. Ledenbeheer and Editors get the publish, lock and unlock permissions."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Wagtail makes publish_/lock_/unlock_<model> for snippets with drafts and locks after the
# last migration (post_migrate); the groups need them now, on a fresh database too. The
# groups are those of today: a later migration that renames them copies their permissions.
GRANTS = {
    "Ledenbeheer": {
        "organisation": ["publish", "lock", "unlock"],
        "person": ["publish", "lock", "unlock"],
    },
    # Editors keep the speakers and contact persons of their meetings and articles.
    "Editors": {"person": ["add", "change", "view", "publish", "lock", "unlock"]},
}


def grant_permissions(apps, schema_editor=None):
    """Callable again by tests that flushed the database."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models_actions in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for model, actions in models_actions.items():
            content_type, _ = ContentType.objects.get_or_create(app_label="members", model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


def revoke_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        for model, actions in GRANTS[group.name].items():
            codenames = [f"{action}_{model}" for action in actions]
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="members", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("members", "0004_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="first_published_at",
            field=models.DateTimeField(
                blank=True, db_index=True, null=True, verbose_name="first published at"
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="has_unpublished_changes",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="has unpublished changes"
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="last_published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="latest_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="live",
            field=models.BooleanField(default=True, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="locked",
            field=models.BooleanField(default=False, editable=False, verbose_name="locked"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="locked_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="locked at"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="locked_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="locked_%(class)ss",
                to=settings.AUTH_USER_MODEL,
                verbose_name="locked by",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="person",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="person",
            name="first_published_at",
            field=models.DateTimeField(
                blank=True, db_index=True, null=True, verbose_name="first published at"
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="person",
            name="has_unpublished_changes",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="has unpublished changes"
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="last_published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        migrations.AddField(
            model_name="person",
            name="latest_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="live",
            field=models.BooleanField(default=True, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="person",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="locked",
            field=models.BooleanField(default=False, editable=False, verbose_name="locked"),
        ),
        migrations.AddField(
            model_name="person",
            name="locked_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="locked at"),
        ),
        migrations.AddField(
            model_name="person",
            name="locked_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="locked_%(class)ss",
                to=settings.AUTH_USER_MODEL,
                verbose_name="locked by",
            ),
        ),
        migrations.RunPython(grant_permissions, revoke_permissions),
    ]
