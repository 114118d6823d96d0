"""The group "Moderatie": into the admin to settle reports, and hide and restore posts;
nothing else. (It once also looked after groups in the admin; 0003 takes that away from
databases that ran this before: a hidden group and its members are for staff.)"""

from django.db import migrations
from django.db.models import Q

GROUP = "Moderatie"
PERMISSIONS = {
    "community": ["moderate_post", "view_post", "view_report", "change_report", "view_thread"],
}


def create_moderators_group(apps, schema_editor=None):
    """Callable again with the real app registry by the demo loader or by tests that
    flushed the database."""
    from django.contrib.auth.management import create_permissions

    # Permissions are made after the last migration (post_migrate); the group needs them now.
    for label in PERMISSIONS:
        config = apps.get_app_config(label)
        if getattr(config, "models_module", None) is None:
            config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    wanted = Q(content_type__app_label="wagtailadmin", codename="access_admin")
    for label, codenames in PERMISSIONS.items():
        wanted |= Q(content_type__app_label=label, codename__in=codenames)
    group.permissions.add(*Permission.objects.filter(wanted))


def remove_moderators_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_conversations"),
        ("members", "0004_groups"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_moderators_group, remove_moderators_group)]
