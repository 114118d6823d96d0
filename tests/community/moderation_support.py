"""What the moderation tests share: the people of the permission matrix."""

from django.contrib.auth.models import Group, Permission

from tests.factories import OrganisationFactory, UserFactory


def member_org():
    """The member organisation of everyone @veenendaal.nl (before they are made)."""
    return OrganisationFactory(domain="veenendaal.nl")


def member(name="lid"):
    return UserFactory(email=f"{name}@veenendaal.nl", full_name=name.title())


def guest(name="gast"):
    """A verified account whose organisation is not a member."""
    return UserFactory(email=f"{name}@voorbeeld.nl", full_name=name.title())


def moderator(name="moderator"):
    """Staff in the group "Moderatie" (community/migrations/0002), not a superuser."""
    user = UserFactory(email=f"{name}@leerhuis.example", full_name=name.title(), is_staff=True)
    user.groups.add(Group.objects.get(name="Moderatie"))
    return user


def editor(name="redacteur"):
    """Staff in the admin without the permission to moderate."""
    user = UserFactory(email=f"{name}@leerhuis.example", full_name=name.title(), is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user
