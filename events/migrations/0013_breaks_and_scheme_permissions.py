"""Lunch and pauze in existing programmes become breaks (they never were study time), and
the organisers and editors may manage the accreditation schemes."""

from django.db import migrations
from django.db.models import Q

BREAK_WORDS = ("lunch", "pauze", "koffiepauze", "theepauze")
GROUPS = ("Organisatoren", "Editors")


def mark_breaks(apps, schema_editor):
    ProgrammeSlot = apps.get_model("events", "ProgrammeSlot")
    words = Q()
    for word in BREAK_WORDS:
        words |= Q(title__istartswith=word)
    ProgrammeSlot.objects.filter(words).update(is_break=True)


def scheme_permissions(apps, schema_editor=None):
    """Callable again with the real registry by tests that flushed the database."""
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("events")
    if getattr(config, "models_module", None) is None:
        config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="events", content_type__model="accreditationscheme"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("events", "0012_development_record")]

    operations = [
        migrations.RunPython(mark_breaks, migrations.RunPython.noop),
        migrations.RunPython(scheme_permissions, migrations.RunPython.noop),
    ]
