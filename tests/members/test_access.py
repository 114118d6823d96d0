"""The one access policy: every restricted page, listing and the sitemap, for every kind
of visitor. Later apps add their pages, listings, feeds and search to MATRIX."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Page

from leerhuis.core.models import StandardPage
from members.access import Visibility, can_view, visible_to
from members.models import Groep, Groepslid
from tests.factories import OrganisationFactory, StaffFactory, StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = {
    Visibility.GROUP: "Groepskennis-3b81: notities van de intervisiegroep",
    Visibility.MEMBERS: "Ledenkennis-7f3a: de sturingsmatrix van Veenendaal",
    Visibility.LOGGED_IN: "Accountkennis-91c2: verslag voor ingelogde bezoekers",
    Visibility.PUBLIC: "Openbare kennis-44d0: voor iedereen",
}
TITLE = {
    Visibility.GROUP: "Intervisienotities",
    Visibility.MEMBERS: "Sturingsmatrix",
    Visibility.LOGGED_IN: "Verslag studiedag",
    Visibility.PUBLIC: "Over opgave-sturing",
}
# Who may see what. Staff always see everything.
# A group's content is for its members, whether or not their organisation is a member.
MAY_SEE = {
    "anoniem": {Visibility.PUBLIC},
    "niet-lid": {Visibility.PUBLIC, Visibility.LOGGED_IN},
    "groepslid": {Visibility.PUBLIC, Visibility.LOGGED_IN, Visibility.GROUP},
    "lid": {Visibility.PUBLIC, Visibility.LOGGED_IN, Visibility.MEMBERS},
    "medewerker": set(Visibility),
}


@pytest.fixture
def groep():
    return Groep.objects.create(
        name="Intervisie opgave-managers", slug="intervisie", description="Elke zes weken."
    )


def group_of(visibility, groep):
    return groep if visibility == Visibility.GROUP else None


@pytest.fixture
def pages(home_page, groep):
    made = {}
    for visibility in Visibility:
        made[visibility] = StandardPageFactory(
            group=group_of(visibility, groep),
            parent=home_page,
            title=TITLE[visibility],
            slug=TITLE[visibility].lower().replace(" ", "-"),
            intro=SECRET[visibility],
            visibility=visibility,
            show_in_menus=True,
            show_in_footer=True,
        )
    return made


@pytest.fixture
def visitors(groep):
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    in_group = UserFactory(email="intervisie@voorbeeld.nl")
    Groepslid.objects.create(groep=groep, user=in_group)
    # Asked to join, not (yet) let in: sees nothing of the group.
    Groepslid.objects.create(
        groep=groep, user=UserFactory(email="gast@voorbeeld.nl"), status="aangevraagd"
    )
    return {
        "anoniem": None,
        "niet-lid": Groepslid.objects.get(groep=groep, status="aangevraagd").user,
        "groepslid": in_group,
        "lid": UserFactory(email="lid@veenendaal.nl"),
        "medewerker": StaffFactory(email="beheer@leerhuis.example"),
    }


def visit(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize("who", list(MAY_SEE))
@pytest.mark.parametrize("visibility", list(Visibility))
def test_page(client, pages, visitors, who, visibility):
    page = pages[visibility]
    response = visit(client, visitors[who], page.url)
    html = response.content.decode()
    if visibility in MAY_SEE[who]:
        assert response.status_code == 200
        assert SECRET[visibility] in html
    else:
        assert response.status_code == 403
        assert SECRET[visibility] not in html
        assert TITLE[visibility] not in html
    if visibility != Visibility.PUBLIC:
        assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("who", list(MAY_SEE))
def test_menu_and_footer_list_only_what_the_visitor_may_open(client, pages, visitors, who):
    html = visit(client, visitors[who], "/").content.decode()
    for visibility, page in pages.items():
        listed = f'href="{page.url}"' in html
        assert listed == (visibility in MAY_SEE[who]), (who, visibility)


@pytest.mark.parametrize("who", list(MAY_SEE))
def test_sitemap_holds_only_public_pages_whoever_asks(client, pages, visitors, who):
    xml = visit(client, visitors[who], "/sitemap.xml").content.decode()
    assert pages[Visibility.PUBLIC].url in xml
    assert pages[Visibility.LOGGED_IN].url not in xml
    assert pages[Visibility.MEMBERS].url not in xml
    assert pages[Visibility.GROUP].url not in xml


def test_anonymous_visitor_is_asked_to_log_in_and_sent_back(client, pages):
    url = pages[Visibility.MEMBERS].url
    html = client.get(url).content.decode()
    assert "Deze pagina is alleen voor leden" in html
    assert f'href="/accounts/login/?next={url}"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_non_member_is_told_why_and_how_to_become_a_member(client, pages, visitors):
    html = visit(client, visitors["niet-lid"], pages[Visibility.MEMBERS].url).content.decode()
    assert "Het domein voorbeeld.nl hoort (nog) niet bij een aangesloten organisatie." in html
    assert "Hoe wordt je organisatie lid?" in html
    assert 'href="/leden/"' in html


def test_expired_membership_loses_access(client, pages):
    import datetime

    OrganisationFactory(
        name="Gemeente Oud", domain="oud.nl", member__until=datetime.date(2025, 12, 31)
    )
    user = UserFactory(email="a@oud.nl")
    response = visit(client, user, pages[Visibility.MEMBERS].url)
    assert response.status_code == 403
    assert "liep tot en met 31-12-2025" in response.content.decode()


def test_visible_to_filters_generic_and_specific_querysets(pages, visitors):
    for who, user in visitors.items():
        user = user or AnonymousUser()
        generic = set(visible_to(user, Page.objects.live()).values_list("pk", flat=True))
        specific = set(visible_to(user, StandardPage.objects.all()).values_list("pk", flat=True))
        for visibility, page in pages.items():
            expected = visibility in MAY_SEE[who]
            assert (page.pk in generic) == expected, (who, visibility)
            assert (page.pk in specific) == expected, (who, visibility)
            assert can_view(user, page) == expected


def test_visible_to_is_one_query_however_many_pages(home_page, visitors, django_assert_num_queries):
    for i in range(5):
        StandardPageFactory(parent=home_page, visibility=Visibility.MEMBERS, slug=f"l{i}")
    with django_assert_num_queries(1):
        list(visible_to(AnonymousUser(), Page.objects.live()))


def test_reserved_top_level_paths_cannot_be_taken_by_a_page(home_page):
    form_class = StandardPage.get_edit_handler().get_form_class()
    form = form_class(
        data={"title": "Leden", "slug": "leden", "visibility": "public", "body-count": "0"},
        instance=StandardPage(),
        parent_page=home_page,
        for_user=StaffFactory(),
    )
    assert not form.is_valid()
    assert "gereserveerd" in str(form.errors["slug"])
    # Deeper down the same slug is fine: /over-ons/leden/ reaches its page.
    deeper = StandardPageFactory(parent=home_page, slug="over-ons")
    form = form_class(
        data={"title": "Leden", "slug": "leden", "visibility": "public", "body-count": "0"},
        instance=StandardPage(),
        parent_page=deeper,
        for_user=StaffFactory(email="redactie@leerhuis.example"),
    )
    assert "slug" not in form.errors


@pytest.mark.parametrize("who", list(MAY_SEE))
def test_wagtail_search_over_pages_honours_visibility(pages, visitors, who):
    user = visitors[who] or AnonymousUser()
    for visibility, page in pages.items():
        found = {p.pk for p in visible_to(user, Page.objects.live()).search(TITLE[visibility])}
        assert (page.pk in found) == (visibility in MAY_SEE[who]), (who, visibility)


def test_the_policy_holds_for_routes_that_skip_page_serve(client, pages, monkeypatch):
    """A routable page's sub-route (aanmelden/, agenda.ics) calls its own view instead of
    Page.serve(); the check sits around every route, not inside serve()."""
    from django.http import HttpResponse

    monkeypatch.setattr(
        StandardPage, "serve", lambda self, request, *a, **k: HttpResponse(SECRET[self.visibility])
    )
    response = client.get(pages[Visibility.MEMBERS].url)
    assert response.status_code == 403
    assert SECRET[Visibility.MEMBERS] not in response.content.decode()


def test_can_view_looks_through_a_generic_page(pages):
    generic = Page.objects.get(pk=pages[Visibility.MEMBERS].pk)
    assert not can_view(AnonymousUser(), generic)
    assert can_view(AnonymousUser(), Page.objects.get(pk=pages[Visibility.PUBLIC].pk))


# A section's visibility holds for everything below it --------------------------------------


def test_a_page_below_a_members_section_is_never_more_open(home_page, client):
    section = StandardPageFactory(parent=home_page, slug="ledenkennis", visibility="members")
    child = StandardPageFactory(
        parent=section, slug="kind", intro="Kindgeheim-55", visibility="public"
    )
    child.refresh_from_db()
    assert child.visibility == Visibility.MEMBERS
    assert client.get(child.url).status_code == 403
    assert child.url not in client.get("/sitemap.xml").content.decode()


def test_closing_a_section_closes_what_is_below_it(home_page):
    section = StandardPageFactory(parent=home_page, slug="sectie")
    child = StandardPageFactory(parent=section, slug="kind")
    grandchild = StandardPageFactory(parent=child, slug="kleinkind", visibility="logged_in")
    section.visibility = Visibility.MEMBERS
    section.save()
    assert StandardPage.objects.get(pk=child.pk).visibility == Visibility.MEMBERS
    assert StandardPage.objects.get(pk=grandchild.pk).visibility == Visibility.MEMBERS


def test_moving_a_page_into_a_closed_section_closes_it(home_page):
    closed = StandardPageFactory(parent=home_page, slug="dicht", visibility="logged_in")
    page = StandardPageFactory(parent=home_page, slug="open")
    page.move(closed, pos="last-child")
    assert StandardPage.objects.get(pk=page.pk).visibility == Visibility.LOGGED_IN


def test_the_admin_form_starts_new_pages_closed_and_refuses_opening_them(home_page):
    section = StandardPageFactory(parent=home_page, slug="sectie", visibility="members")
    form_class = StandardPage.get_edit_handler().get_form_class()
    staff = StaffFactory()
    form = form_class(instance=StandardPage(), parent_page=section, for_user=staff)
    assert form.initial["visibility"] == "members"
    form = form_class(
        data={"title": "Open", "slug": "open", "visibility": "public", "body-count": "0"},
        instance=StandardPage(),
        parent_page=section,
        for_user=staff,
    )
    assert not form.is_valid()
    assert "alleen zichtbaar is voor leden" in str(form.errors["visibility"])


# Documents ---------------------------------------------------------------------------------


@pytest.fixture
def documents(groep):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    made = {}
    for visibility in Visibility:
        document = Document(
            title=f"Verslag {visibility}",
            visibility=visibility,
            group=group_of(visibility, groep),
        )
        document.file.save(f"verslag-{visibility}.txt", ContentFile(SECRET[visibility].encode()))
        made[visibility] = document
    return made


@pytest.mark.parametrize("who", list(MAY_SEE))
@pytest.mark.parametrize("visibility", list(Visibility))
def test_document(client, documents, visitors, who, visibility):
    response = visit(client, visitors[who], documents[visibility].url)
    body = b"".join(response) if response.streaming else response.content
    if visibility in MAY_SEE[who]:
        assert response.status_code == 200
        assert SECRET[visibility].encode() in body
    else:
        assert response.status_code == 403
        assert SECRET[visibility].encode() not in body
    if visibility != Visibility.PUBLIC:
        assert "private" in response["Cache-Control"]
    else:
        assert "private" not in response.get("Cache-Control", "")


def test_documents_are_stored_where_no_web_server_serves_them(documents, settings, client):
    path = documents[Visibility.MEMBERS].file.path
    assert not path.startswith(str(settings.MEDIA_ROOT))
    name = documents[Visibility.MEMBERS].file.name
    assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 404


def test_a_draft_does_not_close_live_pages_below_it(home_page, client):
    section = StandardPageFactory(parent=home_page, slug="sectie")
    child = StandardPageFactory(parent=section, slug="kind")
    section.visibility = Visibility.MEMBERS
    section.save_revision()  # saved as a draft, not published

    assert StandardPage.objects.get(pk=child.pk).visibility == Visibility.PUBLIC
    assert client.get(child.url).status_code == 200

    StandardPage.objects.get(pk=section.pk).get_latest_revision().publish()
    assert StandardPage.objects.get(pk=child.pk).visibility == Visibility.MEMBERS


def test_a_draft_from_before_its_section_closed_shows_the_closed_level(home_page):
    section = StandardPageFactory(parent=home_page, slug="sectie")
    child = StandardPageFactory(parent=section, slug="kind")
    section.visibility = Visibility.MEMBERS
    section.save()
    form_class = StandardPage.get_edit_handler().get_form_class()
    stale = StandardPage.objects.get(pk=child.pk)
    stale.visibility = Visibility.PUBLIC  # as in a draft revision from before
    form = form_class(instance=stale, parent_page=section, for_user=StaffFactory())
    assert form.initial["visibility"] == Visibility.MEMBERS


def test_the_home_page_has_no_visibility_setting():
    from leerhuis.core.models import HomePage

    fields = HomePage.get_edit_handler().get_form_class().base_fields
    assert "visibility" not in fields
