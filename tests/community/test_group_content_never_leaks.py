"""What a group holds reaches its members, never anyone else: not through its page, a
listing, search, the sitemap, a document link or a mail. Every role of the matrix, for a
group that is listed (on request) and one that is hidden."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from leerhuis.community.models import Frequency
from leerhuis.community.services import posting
from leerhuis.core.models import OutboxMessage
from members.access import Visibility
from members.models import Toegang
from tests.community.groups_helpers import INSIDERS, ROLES, as_, group, person
from tests.community_factories import FollowFactory
from tests.events_factories import themes
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

SECRET = "Intervisiegeheim-8c2e"


@pytest.fixture(params=[Toegang.OP_VERZOEK, Toegang.VERBORGEN])
def groep(request):
    return group(toegang=request.param, name="Intervisie opgave-managers", slug="intervisie")


@pytest.fixture
def held(groep):
    """A thread and a document of the group, both carrying the secret."""
    thread = posting.start_thread(
        groep.member, title=f"Notities {SECRET}", text=f"Wat we bespraken: {SECRET}.", group=groep
    )
    document = get_document_model()(
        title=f"Verslag {SECRET}", visibility=Visibility.GROUP, group=groep
    )
    document.file.save("verslag.txt", ContentFile(SECRET.encode()))
    return thread, document


@pytest.mark.parametrize("role", ROLES)
def test_a_groups_thread_and_document(client, groep, held, role):
    thread, document = held
    client = as_(client, person(role, groep))
    inside = role in INSIDERS

    page = client.get(thread.get_absolute_url())
    assert (page.status_code == 200) == inside
    assert (SECRET in page.content.decode()) == inside

    for listing in ["/gesprekken/", "/zoeken/?q=Notities", "/sitemap.xml"]:
        html = client.get(listing).content.decode()
        # The sitemap is what anyone may read: never a group's thread, whoever asks.
        expected = inside and listing != "/sitemap.xml"
        assert (thread.get_absolute_url() in html) == expected, listing

    served = client.get(document.url)
    body = b"".join(served) if served.streaming else served.content
    assert (served.status_code == 200) == inside
    assert (SECRET.encode() in body) == inside


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anoniem"])
def test_mails_about_a_groups_thread_reach_only_its_members(
    groep, role, django_capture_on_commit_callbacks
):
    someone = person(role, groep)
    theme = themes("Opgave-sturing")[0]
    FollowFactory(user=someone, thema=theme, frequency=Frequency.DIRECT)
    with django_capture_on_commit_callbacks(execute=True):
        thread = posting.start_thread(
            StaffFactory(full_name="Toin Routers"),
            title=f"Agenda {SECRET}",
            text=f"@{someone.full_name} kijk je mee? {SECRET}",
            group=groep,
            themes=[theme],
        )
    to_them = OutboxMessage.objects.filter(to=someone.email)
    if role in INSIDERS:
        assert to_them.count() == 1  # named and following the theme: one mail
        assert SECRET in to_them.get().text
    else:
        assert not to_them.exists()
    assert thread.visibility == Visibility.GROUP


def test_following_a_hidden_groups_thread_from_outside_finds_nothing(client, groep, held):
    thread, _document = held
    client.force_login(person("vereniging", groep))
    response = client.post(f"/mijn-leerhuis/volgen/gesprek/{thread.slug}/", {"actie": "volgen"})
    # A hidden group's thread does not exist for outsiders; a listed group's says who it is for.
    assert response.status_code == (404 if groep.is_hidden else 403)
    assert SECRET not in response.content.decode()
    assert thread.follows.count() == 1  # only its starter
