"""Staff as the association has them: not superusers, but in the groups Wagtail made
(Redactie, Moderatie) that the glossary's migrations give their permissions."""

from django.contrib.auth.models import Group

from tests.factories import StaffFactory


def staff_in(*groups, **fields):
    """A staff member (no superuser) in the named groups."""
    user = StaffFactory(is_superuser=False, **fields)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user
