"""The group "Ledenbeheer": into the admin and the Leden menu (organisations, people,
affiliations and unknown domains), nothing else."""

from django.db import migrations
from django.db.models import Q

GROUP = "Ledenbeheer"
MEMBER_PERMISSIONS = [
    "add_organisation",
    "change_organisation",
    "view_organisation",
    "add_person",
    "change_person",
    "view_person",
    "change_affiliation",
    "view_affiliation",
]


def create_member_managers_group(apps, schema_editor=None):
    """Callable again with the real app registry by the demo loader or by tests that
    flushed the database."""
    from django.contrib.auth.management import create_permissions

    # Django makes permissions after the last migration (post_migrate); the group needs the
    # members permissions now, on a fresh database too.
    config = apps.get_app_config("members")
    if getattr(config, "models_module", None) is None:
        config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label="members", codename__in=MEMBER_PERMISSIONS)
            | Q(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    )


def remove_member_managers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_organisations_affiliations_people"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(create_member_managers_group, remove_member_managers_group),
    ]
