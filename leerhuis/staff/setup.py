"""Make the roles of roles.py real in the database: the groups, exactly their permissions,
their page rights; the review tasks follow the former group into its role.

apply(apps) is what migration 0001_roles runs, and what the demo loader and tests call
again with the real registry (django.apps.apps) after a database flush or after an older
migration's function made a former group again: it folds those back into the roles.
"""

from django.db.models import Q

from leerhuis.staff.roles import FORMER, ROLES, ROOT

# Apps whose permissions the roles grant; Django makes permissions after the last
# migration (post_migrate), the roles need them now, on a fresh database too.
APPS = ("wagtailadmin", "wagtailimages", "wagtaildocs", "core", "members", "glossary", "events")
OPTIONAL_APPS = ("community",)
COLLECTION_APPS = ("wagtailimages.", "wagtaildocs.")


def _create_permissions(apps):
    from django.contrib.auth.management import create_permissions

    for label in (*APPS, *OPTIONAL_APPS):
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        if getattr(config, "models_module", None) is None:
            config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)


def _permissions(apps, names):
    Permission = apps.get_model("auth", "Permission")
    wanted = Q(pk__in=[])
    for name in names:
        label, codename = name.split(".")
        wanted |= Q(content_type__app_label=label, codename=codename)
    return Permission.objects.filter(wanted)


def _fold_former_groups(apps):
    """Rename a former group, or move its members and review tasks into the role that
    already exists, then delete it."""
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "GroupApprovalTask")
    for old_name, new_name in FORMER.items():
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        new = Group.objects.filter(name=new_name).first()
        if new is None:
            old.name = new_name
            old.save(update_fields=["name"])
            continue
        new.user_set.add(*old.user_set.all())
        for task in Task.objects.filter(groups=old):
            task.groups.add(new)
        old.delete()


def _pages(apps, where):
    if where == ROOT:
        return list(apps.get_model("wagtailcore", "Page").objects.filter(depth=1))
    label, model = where.split(".")
    try:
        return list(apps.get_model(label, model).objects.all())
    except LookupError:
        return []


def _grant_pages(apps, group, pages, codenames):
    """The page rights; the pks of the grants."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Permission = apps.get_model("auth", "Permission")
    rights = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore",
            content_type__model="page",
            codename__in=codenames,
        )
    )
    granted = []
    for page in pages:
        for permission in rights:
            grant, _created = GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=permission
            )
            granted.append(grant.pk)
    return granted


def grant_new_page(apps, page, where):
    """A page of a type that roles get rights on (a calendar, a kennisbank) made after the
    migration: those roles get their rights on it too."""
    Group = apps.get_model("auth", "Group")
    for role in ROLES:
        group = Group.objects.filter(name=role.name).first()
        for place, codenames in role.pages:
            if place == where and group is not None:
                _grant_pages(apps, group, [page], codenames)


def apply(apps, schema_editor=None):
    _create_permissions(apps)
    _fold_former_groups(apps)
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        group.permissions.set(_permissions(apps, role.permissions))
        # Wagtail reads image and document rights per collection only (not from the
        # group's permissions): the role's are given on the root, so on every collection.
        root = Collection.objects.filter(depth=1).first()
        kept = [
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )[0].pk
            for permission in _permissions(
                apps, [name for name in role.permissions if name.startswith(COLLECTION_APPS)]
            )
            if root is not None
        ]
        GroupCollectionPermission.objects.filter(group=group).exclude(pk__in=kept).delete()
        granted = []
        for where, codenames in role.pages:
            granted += _grant_pages(apps, group, _pages(apps, where), codenames)
        GroupPagePermission.objects.filter(group=group).exclude(pk__in=granted).delete()
