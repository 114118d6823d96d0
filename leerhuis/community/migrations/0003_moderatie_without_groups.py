"""Moderators settle reports; they do not look after groups. The group "Moderatie" loses
the permissions on groups and their members that 0002 once gave it: in the admin they
showed hidden groups with their members and let a moderator open a group's way in
(`toegang`). Groups in the admin stay with staff, superusers and whoever is given those
permissions explicitly. Reversible: going back gives them back."""

from django.db import migrations

GROUP = "Moderatie"
GROUP_PERMISSIONS = ["view_groep", "change_groep", "view_groepslid", "change_groepslid"]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="members", codename__in=GROUP_PERMISSIONS
    )


def take_away_groups(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


def give_back_groups(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.add(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("community", "0002_moderatie_group")]

    operations = [migrations.RunPython(take_away_groups, give_back_groups)]
