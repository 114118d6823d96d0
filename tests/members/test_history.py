"""People and organisations have drafts, revisions and a log like pages: a changed board
member or membership can be traced in its history and undone, and a draft never shows on
the site or counts as a member."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from members.membership import membership_on
from members.models import AffiliationStatus, Organisation, Person
from tests.factories import OrganisationFactory, PersonFactory, UserFactory
from tests.members.helpers import ORGANISATIONS, html, new_organisation_form, rows

pytestmark = pytest.mark.django_db

PUBLISH = {"action-publish": "action-publish"}


def url(model, name, *args):
    return reverse(f"wagtailsnippets_members_{model}:{name}", args=args)


def ledenbeheer(email="ledenbeheer@leerhuis.example", full_name="Lotte Ledenbeheer"):
    """Staff in the group the migrations give the members' admin (with MFA at login)."""
    user = UserFactory(email=email, is_staff=True, full_name=full_name)
    user.groups.add(Group.objects.get(name="Ledenbeheer"))
    return user


def other_staff():
    """Staff who may enter the admin but have nothing to do with members."""
    group = Group.objects.create(name="Alleen het admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(email="ander@leerhuis.example", is_staff=True)
    user.groups.add(group)
    return user


def person_data(person, **changes):
    data = {
        "name": person.name,
        "role": person.role,
        "organisation": person.organisation_id or "",
        "organisation_name": person.organisation_name,
        "photo": "",
        "photo_alt": "",
        "bio": person.bio,
        "email": person.email,
        "phone": person.phone,
        "board_role": person.board_role,
        "board_order": person.board_order,
    }
    return {**data, **changes}


def organisation_data(organisation, memberships, **changes):
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "province": organisation.province,
        "cbs_code": organisation.cbs_code,
        "website": organisation.website,
        "merged_into": "",
        "merged_on": "",
        "domains": inline_formset(
            [
                {"id": d.pk, "domain": d.domain, "include_subdomains": ""}
                for d in organisation.domains.all()
            ],
            initial=organisation.domains.count(),
        ),
        "memberships": inline_formset(memberships, initial=organisation.memberships.count()),
    }
    return nested_form_data({**data, **changes})


def membership_row(membership, **changes):
    row = {
        "id": membership.pk,
        "category": membership.category,
        "valid_from": membership.valid_from.isoformat(),
        "valid_until": membership.valid_until.isoformat() if membership.valid_until else "",
    }
    return {**row, **changes}


def public(path):
    """What a visitor sees (a fresh client: no admin messages naming what was saved)."""
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def history_html(client, model, obj):
    response = client.get(url(model, "history", obj.pk))
    assert response.status_code == 200
    return response.content.decode()


# --- A board member: traced and undone --------------------------------------------------


def test_a_changed_board_member_is_in_its_history_and_can_be_undone(client, login_with_mfa):
    person = PersonFactory(
        name="Astrid van de Klift", board_role="voorzitter", role="Opgave-manager"
    )
    login_with_mfa(client, ledenbeheer())

    # Opening the editor records how the person stood before any history existed.
    assert client.get(url("person", "edit", person.pk)).status_code == 200
    data = person_data(person, board_role="secretaris", role="Programmamanager")
    response = client.post(url("person", "edit", person.pk), {**data, **PUBLISH})
    assert response.status_code == 302

    person.refresh_from_db()
    assert person.board_role == "secretaris"
    assert "Secretaris" in public("/bestuur/")
    revisions = list(person.revisions.order_by("created_at", "pk"))
    assert len(revisions) == 2
    assert revisions[0].content["board_role"] == "voorzitter"
    assert revisions[1].content["board_role"] == "secretaris"

    history = history_html(client, "person", person)
    assert "Beginstand vastgelegd" in history
    assert "Lotte Ledenbeheer" in history  # who published the change
    assert url("person", "revisions_revert", person.pk, revisions[0].pk) in history

    # Undo: the earlier revision, published again.
    revert = url("person", "revisions_revert", person.pk, revisions[0].pk)
    assert client.get(revert).status_code == 200
    response = client.post(
        revert, {**person_data(person, board_role="voorzitter", role="Opgave-manager"), **PUBLISH}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.board_role, person.role) == ("voorzitter", "Opgave-manager")
    bestuur = public("/bestuur/")
    assert "Voorzitter" in bestuur and "Opgave-manager" in bestuur
    assert person.revisions.count() == 3


def test_comparing_two_revisions_shows_the_changed_role(client, login_with_mfa):
    person = PersonFactory(name="Toon Jansen", role="Procesregisseur")
    login_with_mfa(client, ledenbeheer())
    client.get(url("person", "edit", person.pk))
    client.post(
        url("person", "edit", person.pk), {**person_data(person, role="Opgave-manager"), **PUBLISH}
    )
    first, second = person.revisions.order_by("created_at", "pk")
    compare = client.get(url("person", "revisions_compare", person.pk, first.pk, second.pk))
    page = compare.content.decode()
    assert compare.status_code == 200
    assert "Procesregisseur" in page and "Opgave-manager" in page


@pytest.mark.parametrize("who", ["anoniem", "andere medewerker"])
def test_the_history_is_for_the_members_admin_only(client, login_with_mfa, who):
    person = PersonFactory(name="Geheim Bestuurslid", board_role="lid")
    organisation = OrganisationFactory()
    if who == "andere medewerker":
        login_with_mfa(client, other_staff())
    for model, obj in (("person", person), ("organisation", organisation)):
        response = client.get(url(model, "history", obj.pk))
        assert response.status_code == 302
        if who == "anoniem":
            assert "/accounts/login/" in response["Location"] or "login" in response["Location"]
        else:
            assert response["Location"] == "/admin/"
        revert = client.post(url(model, "unpublish", obj.pk))
        assert revert.status_code == 302
    assert Person.objects.get(pk=person.pk).live
    assert Organisation.objects.get(pk=organisation.pk).live


# --- A membership: traced and undone -----------------------------------------------------


def test_an_ended_membership_is_in_the_history_and_undoing_it_makes_them_members_again(
    client, login_with_mfa, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Gemeente Zeist", domain="zeist.nl")
    user = UserFactory(email="ilse@zeist.nl")
    assert membership_on(user).is_member
    membership = organisation.memberships.get()
    login_with_mfa(client, ledenbeheer())

    edit = url("organisation", "edit", organisation.pk)
    assert client.get(edit).status_code == 200
    ended = membership_row(membership, valid_until="2021-12-31")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, {**organisation_data(organisation, [ended]), **PUBLISH})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.valid_until == datetime.date(2021, 12, 31)
    assert not membership_on(UserFactory._meta.model.objects.get(pk=user.pk)).is_member

    history = history_html(client, "organisation", organisation)
    assert "Beginstand vastgelegd" in history and "Lotte Ledenbeheer" in history

    first = organisation.revisions.order_by("created_at", "pk").first()
    revert = url("organisation", "revisions_revert", organisation.pk, first.pk)
    assert client.get(revert).status_code == 200
    open_ended = membership_row(membership, valid_until="")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(revert, {**organisation_data(organisation, [open_ended]), **PUBLISH})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.valid_until is None
    assert membership_on(UserFactory._meta.model.objects.get(pk=user.pk)).is_member


def test_a_membership_change_saved_as_draft_changes_nothing_until_published(
    client, login_with_mfa, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Gemeente Houten", domain="houten.nl")
    user = UserFactory(email="kees@houten.nl")
    membership = organisation.memberships.get()
    login_with_mfa(client, ledenbeheer())
    edit = url("organisation", "edit", organisation.pk)
    client.get(edit)

    draft = organisation_data(
        organisation,
        [membership_row(membership, valid_until="2021-12-31")],
        name="Gemeente Houten-Nieuw",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit, draft).status_code == 302  # "Bewaar concept"

    organisation.refresh_from_db()
    assert organisation.name == "Gemeente Houten" and organisation.has_unpublished_changes
    assert organisation.memberships.get().valid_until is None
    leden = public("/leden/")
    assert "Gemeente Houten" in leden and "Houten-Nieuw" not in leden
    assert membership_on(user).is_member

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit, {**draft, **PUBLISH}).status_code == 302
    leden = public("/leden/")
    assert "Gemeente Houten" not in leden  # no longer a member from 2022
    fresh = UserFactory._meta.model.objects.get(pk=user.pk)
    assert not membership_on(fresh).is_member


# --- Drafts never show --------------------------------------------------------------------


def test_a_new_person_saved_as_draft_is_not_on_the_board_page(client, login_with_mfa):
    PersonFactory(name="Zichtbaar Bestuurslid", board_role="voorzitter")
    login_with_mfa(client, ledenbeheer())
    blank = Person(name="Nieuwe O'Brien", role="Penningmeester in spe")
    response = client.post(url("person", "add"), person_data(blank, board_role="penningmeester"))
    assert response.status_code == 302
    draft = Person.objects.get(name="Nieuwe O'Brien")
    assert not draft.live

    client.logout()
    bestuur = public("/bestuur/")
    assert "Zichtbaar Bestuurslid" in bestuur
    assert escape("Nieuwe O'Brien") not in bestuur and "Penningmeester in spe" not in bestuur

    draft.save_revision().publish()
    assert escape("Nieuwe O'Brien") in public("/bestuur/")


def test_an_unpublished_board_member_leaves_the_board_page(client, login_with_mfa):
    person = PersonFactory(name="Vertrokken Bestuurder", board_role="lid")
    login_with_mfa(client, ledenbeheer())
    response = client.post(url("person", "unpublish", person.pk))
    assert response.status_code == 302
    assert not Person.objects.get(pk=person.pk).live
    assert "Vertrokken Bestuurder" not in public("/bestuur/")


def test_a_draft_speaker_and_contact_are_not_on_the_meeting_page(client):
    from events.models import EventSpeaker, ProgrammeSlot
    from tests.events_factories import EventPageFactory

    shown = PersonFactory(name="Gepubliceerde Spreker")
    hidden = PersonFactory(name="Concept Spreker", live=False)
    contact = PersonFactory(name="Concept Contact", live=False)
    event = EventPageFactory(title="Netwerkdag opgave-sturing", contact_person=contact)
    EventSpeaker.objects.create(page=event, person=shown, sort_order=0)
    EventSpeaker.objects.create(page=event, person=hidden, sort_order=1)
    ProgrammeSlot.objects.create(
        page=event, starts_at=datetime.time(10), title="Opening", speaker=hidden, sort_order=0
    )

    page = client.get(event.url).content.decode()
    assert "Opening" in page
    assert "Gepubliceerde Spreker" in page
    assert "Concept Spreker" not in page and "Concept Contact" not in page
    feed = client.get(f"{event.url}agenda.ics").content.decode().replace("\r\n ", "")
    assert "Gepubliceerde Spreker" in feed and "Concept Spreker" not in feed


def test_a_new_organisation_saved_as_draft_is_no_member_until_published(
    client, login_with_mfa, django_capture_on_commit_callbacks
):
    user = UserFactory(email="fernando@nieuwegein.nl")
    login_with_mfa(client, ledenbeheer())
    data = new_organisation_form()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("organisation", "add"), data).status_code == 302
    nieuwegein = Organisation.objects.get(name="Gemeente Nieuwegein")
    assert not nieuwegein.live
    assert nieuwegein.domains.exists() and nieuwegein.memberships.exists()

    user.affiliation.refresh_from_db()
    assert user.affiliation.status == AffiliationStatus.UNKNOWN_DOMAIN
    assert not membership_on(UserFactory._meta.model.objects.get(pk=user.pk)).is_member
    assert "Gemeente Nieuwegein" not in public("/leden/")
    # The admin's list says so too: a draft is no member now.
    listing = rows(html(client.get(ORGANISATIONS)))
    (row,) = [r for r in listing if r and r[0].startswith("Gemeente Nieuwegein")]
    assert "nee" in row
    assert not rows(html(client.get(f"{ORGANISATIONS}?lid_nu=true")))

    # Published: its domain links its people, and they are members.
    data = organisation_data(nieuwegein, [membership_row(m) for m in nieuwegein.memberships.all()])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("organisation", "edit", nieuwegein.pk), {**data, **PUBLISH})
    assert response.status_code == 302
    user.affiliation.refresh_from_db()
    assert user.affiliation.organisation == nieuwegein
    assert membership_on(UserFactory._meta.model.objects.get(pk=user.pk)).is_member
    assert "Gemeente Nieuwegein" in public("/leden/")


def test_an_unpublished_organisation_makes_nobody_a_member(
    client, login_with_mfa, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Gemeente Bunnik", domain="bunnik.nl")
    user = UserFactory(email="ans@bunnik.nl")
    assert membership_on(user).is_member
    login_with_mfa(client, ledenbeheer())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("organisation", "unpublish", organisation.pk))
    assert response.status_code == 302

    fresh = UserFactory._meta.model.objects.get(pk=user.pk)
    status = membership_on(fresh)
    assert not status.is_member
    assert "Gemeente Bunnik" not in public("/leden/")


def test_the_organisation_form_says_only_a_published_organisation_counts(client, login_with_mfa):
    login_with_mfa(client, ledenbeheer())
    page = client.get(url("organisation", "add")).content.decode()
    assert "Een concept of een gedepubliceerde organisatie is geen lid." in page


def test_a_merger_saved_as_draft_moves_nobody_until_published(
    client, login_with_mfa, django_capture_on_commit_callbacks
):
    houten = OrganisationFactory(name="Gemeente Houten", domain="houten.nl")
    successor = OrganisationFactory(name="Gemeente Kromme Rijn", domain="krommerijn.nl")
    user = UserFactory(email="kees@houten.nl")
    login_with_mfa(client, ledenbeheer())
    edit = url("organisation", "edit", houten.pk)
    client.get(edit)
    rows = [membership_row(m) for m in houten.memberships.all()]
    draft = organisation_data(houten, rows, merged_into=str(successor.pk), merged_on="2026-01-01")

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit, draft).status_code == 302  # "Bewaar concept"
    user.affiliation.refresh_from_db()
    assert user.affiliation.organisation == houten

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit, {**draft, **PUBLISH}).status_code == 302
    user.affiliation.refresh_from_db()
    assert user.affiliation.organisation == successor


def test_a_draft_organisation_or_theme_is_not_named_by_an_article_or_a_meeting(client):
    from events import ical
    from leerhuis.core.models import Thema
    from tests.events_factories import EventPageFactory
    from tests.knowledge_factories import article

    draft = OrganisationFactory(name="Concept Gemeente", live=False)
    page = article(title="Sturen op de opgave", organisation=draft, author=None)
    event = EventPageFactory()
    event.themes.add(Thema.objects.create(name="Concept Thema", slug="concept", live=False))

    for path in (page.url, "/kennisbank/", "/kennisbank/feed/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "Concept Gemeente" not in response.content.decode(), path
    mailed = ical.vevent(event, event.full_url, organizer=ical.organizer()).to_ical().decode()
    assert "Concept Thema" not in mailed
