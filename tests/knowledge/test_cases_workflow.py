"""A member writes a praktijkcasus on the site, the redactie decides in Wagtail's workflow,
and the author follows it in Mijn Leerhuis and by mail."""

import pytest
from django.urls import reverse

from leerhuis.knowledge import cases
from leerhuis.knowledge.models import ArticlePage, CasePage
from tests.events_factories import guest, member, themes
from tests.knowledge.case_helpers import decide, draft_case, form_data, moderator, submitted_case
from tests.knowledge_factories import kennisbank_page

pytestmark = pytest.mark.django_db

NEW_URL = "/kennisbank/casus-indienen/"


@pytest.fixture
def theme():
    return themes("Wonen")[0]


@pytest.fixture(autouse=True)
def _kennisbank():
    kennisbank_page()


def text(response):
    return response.content.decode()


def to_author(sent_mails, user):
    """The author's mails; the moderators get Wagtail's own about each submission."""
    return [mail for mail in sent_mails() if mail.to == [user.email]]


def test_anonymous_visitors_are_sent_to_log_in(client):
    case = draft_case(member())
    urls = [NEW_URL, f"{NEW_URL}{case.pk}/", f"{NEW_URL}{case.pk}/voorbeeld/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    assert client.post(NEW_URL, {"title": "x"}).status_code == 302
    assert client.post(f"{NEW_URL}{case.pk}/verwijderen/").status_code == 302
    assert CasePage.objects.count() == 1


def test_a_non_member_is_told_that_cases_are_for_members(client, theme):
    client.force_login(guest())
    response = client.get(NEW_URL)
    assert response.status_code == 403
    assert "Een praktijkcasus indienen is voor leden" in text(response)
    assert client.post(NEW_URL, form_data(theme, actie="indienen")).status_code == 403
    assert not CasePage.objects.exists()


def test_a_member_saves_a_draft_with_only_a_title_and_writes_on_later(client):
    user = member()
    client.force_login(user)
    form = client.get(NEW_URL)
    assert form.status_code == 200
    assert "private" in form["Cache-Control"]
    response = client.post(NEW_URL, {"title": "Eerste opzet", "visibility": "public"})
    case = CasePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{NEW_URL}{case.pk}/"
    assert not case.live and case.owner == user
    assert cases.state_of(case).code == "concept"
    again = client.get(response["Location"])
    assert 'value="Eerste opzet"' in text(again)
    assert "Concept, nog niet ingediend" in text(again)
    assert "Eerste opzet" in text(client.get("/mijn-leerhuis/"))


def test_submitting_asks_for_what_a_reader_needs_and_keeps_what_was_typed(client, theme):
    client.force_login(member())
    data = form_data(theme, actie="indienen", lessons="", intro="")
    data["themes"] = []
    response = client.post(NEW_URL, data)
    assert response.status_code == 200
    page = text(response)
    assert "Vul &#x27;Lessen&#x27; in voordat je de casus indient." in page
    assert "Schrijf een korte samenvatting." in page
    assert "Kies ten minste één thema." in page
    assert "De wijk Zuid vroeg om meer dan losse projecten." in page
    assert not CasePage.objects.exists()


def test_submit_then_approve_publishes_the_case_and_tells_the_author(client, theme, sent_mails):
    user = member(full_name="Fenna de Vries")
    client.force_login(user)
    response = client.post(NEW_URL, form_data(theme, actie="indienen"))
    assert response["Location"] == "/mijn-leerhuis/#praktijkcasussen"
    case = CasePage.objects.get()
    assert cases.state_of(case).code == "ingediend"
    assert not case.live
    assert client.get(case.url or f"/kennisbank/{case.slug}/").status_code == 404
    assert "Ingediend, wacht op beoordeling" in text(client.get("/mijn-leerhuis/"))

    case = decide(case, moderator(), "approve")
    assert case.live
    assert case.kind == "praktijkcasus"
    assert case.author_user == user
    public = client.get(case.url)
    assert public.status_code == 200
    assert "Een opgave-manager met mandaat." in text(public)
    assert "<li>een kernteam</li>" in text(public)
    assert "Praktijkcasus" in text(public)
    listed = client.get("/kennisbank/?type=praktijkcasus")
    assert case.title in text(listed)
    feed = text(client.get("/kennisbank/feed/"))
    assert case.title in feed and "Fenna de Vries" in feed
    assert '"@type": "Article"' in text(public) or '"@type":"Article"' in text(public)
    (mail,) = to_author(sent_mails, user)
    assert "is gepubliceerd" in mail.subject
    assert case.full_url in mail.body
    assert cases.state_of(case).code == "gepubliceerd"


def test_request_changes_then_revise_and_resubmit(client, theme, sent_mails):
    user = member()
    case = submitted_case(user, theme)
    case = decide(case, moderator(), "reject", comment="Noem ook wat het kostte.")
    state = cases.state_of(case)
    assert state.code == "wijzigingen" and state.comment == "Noem ook wat het kostte."
    (mail,) = to_author(sent_mails, user)
    assert "vraagt om wijzigingen" in mail.subject
    assert "Noem ook wat het kostte." in mail.body
    assert f"/kennisbank/casus-indienen/{case.pk}/" in mail.body

    client.force_login(user)
    dashboard = text(client.get("/mijn-leerhuis/"))
    assert "De redactie vraagt om wijzigingen" in dashboard
    assert "Noem ook wat het kostte." in dashboard
    edit = text(client.get(f"{NEW_URL}{case.pk}/"))
    assert "Opnieuw indienen" in edit
    revised = form_data(theme, actie="indienen", results="Het kostte twee fte per jaar.")
    assert client.post(f"{NEW_URL}{case.pk}/", revised).status_code == 302
    assert cases.state_of(case).code == "ingediend"

    case = decide(case, moderator(), "approve")
    assert case.live
    assert "Het kostte twee fte per jaar." in text(client.get(case.url))
    assert [m.subject.split(":")[0] for m in to_author(sent_mails, user)] == [
        "De redactie vraagt om wijzigingen in je praktijkcasus",
        "Je praktijkcasus is gepubliceerd",
    ]


def test_a_final_rejection_keeps_the_case_offline_with_its_reason(client, theme, sent_mails):
    user = member()
    case = submitted_case(user, theme)
    case = decide(case, moderator(), "afwijzen", comment="Dit is reclame voor een bureau.")
    assert not case.live
    state = cases.state_of(case)
    assert state.code == "afgewezen" and state.comment == "Dit is reclame voor een bureau."
    (mail,) = to_author(sent_mails, user)
    assert "wordt niet gepubliceerd" in mail.subject
    assert "Dit is reclame voor een bureau." in mail.body
    client.force_login(user)
    page = text(client.get(f"{NEW_URL}{case.pk}/"))
    assert "Dit is reclame voor een bureau." in page
    assert 'name="actie"' not in page
    response = client.post(f"{NEW_URL}{case.pk}/", form_data(theme, actie="indienen"))
    assert response.status_code == 200
    assert cases.state_of(case).code == "afgewezen"


def test_a_case_under_review_cannot_be_changed_by_its_author(client, theme):
    user = member()
    case = submitted_case(user, theme)
    client.force_login(user)
    response = client.post(f"{NEW_URL}{case.pk}/", form_data(theme, title="Stiekem anders"))
    assert response.status_code == 200
    assert "Zolang de redactie je casus beoordeelt" in text(response)
    assert case.get_latest_revision_as_object().title == "Wijkaanpak Zuid als opgave"


def test_an_author_cannot_see_or_change_another_authors_case(client, theme):
    case = draft_case(member(), theme)
    other = member()
    client.force_login(other)
    for url in (f"{NEW_URL}{case.pk}/", f"{NEW_URL}{case.pk}/voorbeeld/"):
        assert client.get(url).status_code == 404
    assert client.post(f"{NEW_URL}{case.pk}/", form_data(theme, title="Van mij")).status_code == 404
    assert client.post(f"{NEW_URL}{case.pk}/verwijderen/").status_code == 404
    assert case.get_latest_revision_as_object().title == "Wijkaanpak Zuid als opgave"
    assert "Wijkaanpak Zuid" not in text(client.get("/mijn-leerhuis/"))


def test_the_author_previews_and_deletes_a_draft(client, theme):
    user = member()
    case = draft_case(user, theme)
    client.force_login(user)
    preview = client.get(f"{NEW_URL}{case.pk}/voorbeeld/")
    assert preview.status_code == 200
    assert "De wijk Zuid vroeg om meer dan losse projecten." in text(preview)
    assert "private" in preview["Cache-Control"]
    response = client.post(f"{NEW_URL}{case.pk}/verwijderen/")
    assert response.status_code == 302
    assert not CasePage.objects.exists()


def test_a_published_case_is_not_deleted_by_its_author(client, theme):
    user = member()
    case = decide(submitted_case(user, theme), moderator(), "approve")
    client.force_login(user)
    client.post(f"{NEW_URL}{case.pk}/verwijderen/")
    assert CasePage.objects.filter(pk=case.pk, live=True).exists()


def test_a_published_case_revised_stays_online_until_approved(client, theme):
    user = member()
    case = decide(submitted_case(user, theme), moderator(), "approve")
    client.force_login(user)
    client.post(f"{NEW_URL}{case.pk}/", form_data(theme, actie="indienen", title="Nieuwe titel"))
    assert cases.state_of(case).code == "ingediend"
    assert "Wijkaanpak Zuid als opgave" in text(client.get(case.url))
    case = decide(case, moderator(), "approve")
    assert case.title == "Nieuwe titel"


def test_without_consent_no_name_is_shown_anywhere(client, theme):
    user = member(full_name="Anouk Verborgen")
    case = decide(submitted_case(user, theme, show_author=False), moderator(), "approve")
    assert case.author_user is None and case.organisation is None
    for url in (case.url, "/kennisbank/", "/kennisbank/feed/"):
        assert "Verborgen" not in text(client.get(url))
    assert "geschreven door een lid van de vereniging" in text(client.get(case.url))
    assert ArticlePage.objects.get(pk=case.pk).author_name == ""


def test_the_editor_approves_in_the_wagtail_admin(client, login_with_mfa, theme, sent_mails):
    user = member()
    case = submitted_case(user, theme)
    login_with_mfa(client, moderator())
    task_state = case.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[case.pk, "approve", task_state.pk])
    response = client.post(url)
    assert response.status_code in (200, 302)
    assert CasePage.objects.get(pk=case.pk).live
    assert len(to_author(sent_mails, user)) == 1


def test_the_final_rejection_needs_a_reason_in_the_admin(client, login_with_mfa, theme):
    case = submitted_case(member(), theme)
    login_with_mfa(client, moderator())
    task_state = case.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[case.pk, "afwijzen", task_state.pk])
    client.post(url, {"comment": ""})
    assert cases.state_of(case).code == "ingediend"
    client.post(url, {"comment": "Geen casus maar een advertentie."})
    assert cases.state_of(case).code == "afgewezen"


def test_the_form_says_which_fields_submitting_needs(client):
    client.force_login(member())
    page = text(client.get(NEW_URL))
    needed = page.count("(nodig om in te dienen)")
    assert needed == 5  # samenvatting, opgave, aanpak, lessen, thema's
    assert page.count("(niet verplicht)") == 3  # resultaten, bijlage, beschrijving


def test_the_kennisbank_invites_members_to_share_a_case(client):
    assert f'href="{NEW_URL}"' in text(client.get("/kennisbank/"))
