"""The people of the group tests and a group with its members, shared by test_group*.py."""

import io
import zipfile

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from members.models import Groepslid, Toegang
from tests.community_factories import GroepFactory, GroepslidFactory
from tests.events_factories import guest, member
from tests.factories import StaffFactory

WAYS_IN = [Toegang.OPEN, Toegang.OP_VERZOEK, Toegang.UITNODIGING, Toegang.VERBORGEN]
ROLES = [
    "anoniem",
    "ingelogd",
    "vereniging",
    "groepslid",
    "beheerder",
    "moderator",
    "medewerker",
]
# Who sees what a group holds: its members and managers, and staff (who see everything).
INSIDERS = {"groepslid", "beheerder", "medewerker"}


def moderator():
    """Someone of the Moderatie group: settles reports, no group member, and no say in
    groups (not on the site, not in the admin)."""
    user = member()
    user.groups.add(Group.objects.get(name="Moderatie"))
    return user


def group(toegang=Toegang.OP_VERZOEK, **kwargs):
    """A group with one manager and one member (returned as attributes)."""
    groep = GroepFactory(toegang=toegang, **kwargs)
    groep.manager = GroepslidFactory(groep=groep, user=member(), role=Groepslid.Rol.BEHEERDER).user
    groep.member = GroepslidFactory(groep=groep, user=member()).user
    return groep


def person(role, groep):
    """The user for `role` in the permission matrix (None for anonymous)."""
    return {
        "anoniem": lambda: None,
        "ingelogd": guest,
        "vereniging": member,
        "groepslid": lambda: groep.member,
        "beheerder": lambda: groep.manager,
        "moderator": moderator,
        "medewerker": StaffFactory,
    }[role]()


def as_(client, user):
    if user is not None:
        client.force_login(user)
    return client


def pdf(name="verslag.pdf", size=None):
    content = b"%PDF-1.4\n% groep\n" + (b"x" * (size or 100))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx(name="notities.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue())
