"""'Visible to this group' is one more level of the one access policy: a group's pages,
articles and documents reach its members through search, the kennisbank, its feed, the
weekly mail and a begrip's usage list, and never anyone outside the group. Editors set the
group in a page's settings; below a group's page everything is that group's."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Page

from events.models import EventBegrip
from glossary.usage import used_by
from leerhuis.core.digest import Period
from leerhuis.core.models import StandardPage
from leerhuis.knowledge.digest.sections import new_articles
from leerhuis.knowledge.models import ArticlePage
from members.access import Visibility, visible_to
from members.membership import membership_on
from members.models import Groepslid, Toegang
from tests.community_factories import GroepFactory, GroepslidFactory
from tests.events_factories import EventPageFactory, guest, member
from tests.factories import StaffFactory, StandardPageFactory
from tests.glossary_factories import begrip
from tests.knowledge_factories import article

pytestmark = pytest.mark.django_db

WORD = "Intervisiewoord"
SECRET = f"{WORD}-8e2a: de notities van de intervisiegroep"


@pytest.fixture
def groep():
    return GroepFactory(name="Intervisie opgave-managers", slug="intervisie")


@pytest.fixture
def people(groep):
    in_group = guest(full_name="Jelle Hoekstra")  # not an association member: still in
    GroepslidFactory(groep=groep, user=in_group)
    asked = member()
    GroepslidFactory(groep=groep, user=asked, status=Groepslid.Status.AANGEVRAAGD)
    return {
        "groepslid": in_group,
        "lid buiten de groep": member(),
        "aangevraagd": asked,
        "buitenstaander": guest(),
        "anoniem": None,
    }


def sees(who):
    return who == "groepslid"


def as_(client, user):
    if user is not None:
        client.force_login(user)
    return client


# --- search, kennisbank, feed, mail, begrippen --------------------------------------------


@pytest.mark.parametrize("who", ["groepslid", "lid buiten de groep", "buitenstaander", "anoniem"])
def test_site_search_finds_a_group_page_for_its_members_only(client, home_page, groep, people, who):
    StandardPageFactory(
        parent=home_page,
        title=f"{WORD}: notities",
        slug="notities",
        intro=SECRET,
        visibility=Visibility.GROUP,
        group=groep,
    )
    html = as_(client, people[who]).get(f"/zoeken/?q={WORD}").content.decode()
    assert ('href="/notities/"' in html) == sees(who)
    assert ("de notities van de intervisiegroep" in html) == sees(who)


@pytest.fixture
def group_article(groep):
    return article(
        title=f"{WORD}: verslag van de intervisie",
        slug="verslag-intervisie",
        intro=SECRET,
        visibility=Visibility.GROUP,
        group=groep,
    )


@pytest.mark.parametrize("who", ["groepslid", "lid buiten de groep", "buitenstaander", "anoniem"])
def test_the_kennisbank_lists_a_group_article_for_its_members_only(
    client, group_article, people, who
):
    article(title="Open artikel", slug="open-artikel")
    html = as_(client, people[who]).get("/kennisbank/").content.decode()
    assert "Open artikel" in html
    assert (group_article.title in html) == sees(who)
    if sees(who):
        assert "Alleen voor ingelogde bezoekers" not in html  # it says who it is for
        assert "Alleen voor een groep" in html


def test_the_article_page_says_which_group_it_is_for(client, group_article, people):
    html = as_(client, people["groepslid"]).get(group_article.url).content.decode()
    assert SECRET in html
    assert "Alleen voor de groep Intervisie opgave-managers" in html


def test_the_kennisbank_feed_never_holds_a_group_article(client, group_article, people):
    article(title="Open artikel", slug="open-artikel")
    for who in ("groepslid", "anoniem"):
        body = as_(client, people[who]).get("/kennisbank/feed/").content.decode()
        assert "Open artikel" in body
        assert WORD not in body and "verslag-intervisie" not in body


def test_the_weekly_mail_names_a_group_article_only_to_its_members(group_article, people):
    period = Period.week_before()
    ArticlePage.objects.filter(pk=group_article.pk).update(first_published_at=period.start)
    for who, user in people.items():
        section = new_articles(user, period)
        listed = [item.title for item in section.items] if section else []
        assert (group_article.title in listed) == sees(who), who


def test_a_begrip_lists_a_group_meeting_only_to_the_group(groep, people):
    opgave = begrip("opgave")
    page = EventPageFactory(title="Intervisie over de opgave", visibility="group", group=groep)
    page.begrippen = [EventBegrip(concept=opgave)]
    page.save_revision().publish()
    for who, user in people.items():
        found = [p.title for p in used_by(opgave, user or AnonymousUser())]
        assert ("Intervisie over de opgave" in found) == sees(who), who


def test_the_sitemap_never_lists_group_pages(client, home_page, groep, people):
    StandardPageFactory(parent=home_page, slug="notities", visibility="group", group=groep)
    for user in people.values():
        assert "/notities/" not in as_(client, user).get("/sitemap.xml").content.decode()


def test_visible_to_with_groups_is_still_one_query(home_page, groep, people):
    StandardPageFactory(parent=home_page, slug="notities", visibility="group", group=groep)
    StandardPageFactory(parent=home_page, slug="leden", visibility="members")
    user = people["groepslid"]
    membership_on(user)  # read once per request
    for queryset in (Page.objects.live(), StandardPage.objects.live()):
        with CaptureQueriesContext(connection) as captured:
            slugs = {page.slug for page in visible_to(user, queryset)}
        assert len(captured) == 1
        assert "notities" in slugs and "leden" not in slugs


def test_a_group_that_was_deleted_leaves_its_content_for_staff_only(client, home_page, groep):
    page = StandardPageFactory(parent=home_page, slug="notities", visibility="group", group=groep)
    groep.delete()
    page.refresh_from_db()
    assert page.group is None and page.visibility == Visibility.GROUP
    assert client.get(page.url).status_code == 403
    client.force_login(StaffFactory())
    assert client.get(page.url).status_code == 200


# --- the page that says no -----------------------------------------------------------------


def test_outsiders_are_told_which_group_and_how_to_join(client, home_page, groep, people):
    page = StandardPageFactory(
        parent=home_page, slug="notities", intro=SECRET, visibility="group", group=groep
    )
    response = as_(client, people["lid buiten de groep"]).get(page.url)
    html = response.content.decode()
    assert response.status_code == 403
    assert "Alleen de leden van de groep ‘Intervisie opgave-managers’ lezen dit." in html
    assert 'href="/groepen/intervisie/"' in html
    assert SECRET not in html


def test_a_hidden_group_is_not_named_to_outsiders(client, home_page, people):
    bestuur = GroepFactory(name="Bestuur", slug="bestuur-groep", toegang=Toegang.VERBORGEN)
    page = StandardPageFactory(
        parent=home_page, slug="notulen", intro=SECRET, visibility="group", group=bestuur
    )
    html = as_(client, people["lid buiten de groep"]).get(page.url).content.decode()
    assert "‘Bestuur’" not in html and "/groepen/bestuur-groep/" not in html
    assert "Alleen de leden van een groep lezen dit." in html


# --- editors: the page's settings ----------------------------------------------------------


def page_form(parent, data=None, instance=None):
    form_class = StandardPage.get_edit_handler().get_form_class()
    base = {"title": "Notities", "slug": "notities", "body-count": "0"}
    return form_class(
        data={**base, **data} if data is not None else None,
        instance=instance or StandardPage(),
        parent_page=parent,
        for_user=StaffFactory(),
    )


def test_the_group_is_chosen_in_the_settings_tab():
    from leerhuis.core.models import BasePage

    fields = [
        panel.field_name
        for section in BasePage.settings_panels
        for panel in getattr(section, "children", [])
        if hasattr(panel, "field_name")
    ]
    assert "group" in fields and "visibility" in fields


def test_a_page_for_a_group_must_name_the_group(home_page):
    form = page_form(home_page, {"visibility": "group"})
    assert not form.is_valid()
    assert "Kies voor welke groep deze pagina is." in str(form.errors["group"])
    assert not StandardPage.objects.filter(slug="notities").exists()


def test_a_group_is_forgotten_at_a_more_open_level(home_page, groep):
    form = page_form(home_page, {"visibility": "members", "group": groep.pk})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["group"] is None


def test_a_new_page_below_a_group_page_starts_as_that_groups(home_page, groep):
    section = StandardPageFactory(parent=home_page, slug="sectie", visibility="group", group=groep)
    form = page_form(section)
    assert form.initial["visibility"] == Visibility.GROUP
    assert form.initial["group"] == groep.pk
    # Left empty, the group is the section's.
    form = page_form(section, {"visibility": "group"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["group"] == groep


def test_a_page_below_a_group_page_cannot_be_for_another_group_or_more_open(home_page, groep):
    section = StandardPageFactory(parent=home_page, slug="sectie", visibility="group", group=groep)
    other = GroepFactory(name="Werkgroep begrippenkader")
    form = page_form(section, {"visibility": "group", "group": other.pk})
    assert not form.is_valid()
    assert "andere groep" in str(form.errors["group"])
    form = page_form(section, {"visibility": "members"})
    assert not form.is_valid()
    assert "leden van de groep" in str(form.errors["visibility"])


def test_a_child_saved_below_a_group_page_gets_its_group(home_page, groep):
    section = StandardPageFactory(parent=home_page, slug="sectie", visibility="group", group=groep)
    child = StandardPageFactory(parent=section, slug="kind", visibility="public")
    child.refresh_from_db()
    assert (child.visibility, child.group) == (Visibility.GROUP, groep)


def test_moving_a_page_into_a_group_section_takes_its_group(home_page, groep):
    section = StandardPageFactory(parent=home_page, slug="sectie", visibility="group", group=groep)
    page = StandardPageFactory(parent=home_page, slug="los", visibility="members")
    below = StandardPageFactory(parent=page, slug="eronder")
    page.move(section, pos="last-child")
    for moved in (page, below):
        moved = StandardPage.objects.get(pk=moved.pk)
        assert (moved.visibility, moved.group_id) == (Visibility.GROUP, groep.pk)


def test_closing_a_section_to_a_group_closes_every_page_below(home_page, groep):
    section = StandardPageFactory(parent=home_page, slug="sectie")
    child = StandardPageFactory(parent=section, slug="kind", visibility="members")
    other = GroepFactory(name="Werkgroep begrippenkader")
    grandchild = StandardPageFactory(parent=child, slug="klein", visibility="group", group=other)
    section.visibility, section.group = Visibility.GROUP, groep
    section.save()
    for page in (child, grandchild):
        page = StandardPage.objects.get(pk=page.pk)
        assert (page.visibility, page.group_id) == (Visibility.GROUP, groep.pk)


# --- editors: documents ---------------------------------------------------------------------


def document_form(data, instance=None):
    Document = get_document_model()
    form_class = get_document_form(Document)
    return form_class(
        data={"title": "Notulen", "collection": _root_collection(), **data},
        files={"file": ContentFile(b"notulen", name="notulen.txt")},
        instance=instance or Document(),
        user=StaffFactory(),
    )


def _root_collection():
    from wagtail.models import Collection

    return Collection.get_first_root_node().pk


def test_a_document_for_a_group_must_name_the_group():
    form = document_form({"visibility": "group"})
    assert not form.is_valid()
    assert "Kies voor welke groep dit document is." in str(form.errors["group"])


def test_a_document_for_a_group_is_served_to_its_members_only(client, groep, people):
    form = document_form({"visibility": "group", "group": groep.pk})
    assert form.is_valid(), form.errors
    document = form.save()
    for who, user in people.items():
        client.logout()
        response = as_(client, user).get(document.url)
        assert (response.status_code == 200) == sees(who), who


def test_a_public_document_keeps_no_group(groep):
    form = document_form({"visibility": "public", "group": groep.pk})
    assert form.is_valid(), form.errors
    assert form.save().group is None
