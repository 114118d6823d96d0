"""Who manages the begrippenkader: Editors write begrippen and decide on members' proposals;
Moderators may do the same and also publish, which the review's approval needs.

Editors get no publish permission on purpose: what they write goes live through the
workflow "Begrippen vaststellen" (0003), whose task belongs to the Moderators.
grant_permissions() is also what tests call after a database flush.
"""

from django.db import migrations
from django.db.models import Q

EDITORS = "Editors"
MODERATORS = "Moderators"
CONCEPT = ["add_concept", "change_concept", "delete_concept", "view_concept"]
PROPOSAL = ["change_proposal", "view_proposal"]
# Wagtail makes publish_<model> for snippets with drafts after the last migration
# (post_migrate); Moderators need it now, on a fresh database too.
PUBLISH = "publish_concept"


def grant_permissions(apps, schema_editor=None):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("glossary")
    if getattr(config, "models_module", None) is None:
        config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    concept_type, _ = ContentType.objects.get_or_create(app_label="glossary", model="concept")
    Permission.objects.get_or_create(
        content_type=concept_type, codename=PUBLISH, defaults={"name": "Can publish begrip"}
    )
    # Wagtail gives both groups the admin already; after a flush (tests) only this does.
    shared = Permission.objects.filter(
        Q(content_type__app_label="glossary", content_type__model="concept", codename__in=CONCEPT)
        | Q(
            content_type__app_label="glossary",
            content_type__model="proposal",
            codename__in=PROPOSAL,
        )
        | Q(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*shared)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(
        *shared, *Permission.objects.filter(content_type=concept_type, codename=PUBLISH)
    )


def revoke_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    granted = Permission.objects.filter(
        content_type__app_label="glossary", codename__in=[*CONCEPT, *PROPOSAL, PUBLISH]
    )
    for group in Group.objects.filter(name__in=[EDITORS, MODERATORS]):
        group.permissions.remove(*granted)


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0003_review_workflow"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant_permissions, revoke_permissions)]
