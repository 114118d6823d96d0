"""Members propose a begrip or a change from the site: who may, what the form says back,
and where they follow it up (Mijn Leerhuis)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary import proposal_views, proposals
from glossary.models import Concept, Proposal, ProposalKind, ProposalStatus
from members import dashboard
from tests.events_factories import guest, member
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

NEW_URL = "/begrippen/voorstellen/"
GOOD = {
    "pref_label": "wyberen",
    "definition": "Een methode om met betrokkenen een opgave te verkennen.",
    "explanation": "",
    "reason": "Komt in veel bijeenkomsten terug.",
}


def text(response):
    return response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in_and_back(client):
    concept = begrip("opgave")
    for url in (NEW_URL, f"/begrippen/{concept.slug}/wijziging-voorstellen/"):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302
            assert response["Location"] == f"/accounts/login/?next={url}"
    assert not Proposal.objects.exists()


def test_a_non_member_is_told_that_proposing_is_for_members(client):
    client.force_login(guest())
    response = client.get(NEW_URL)
    assert response.status_code == 403
    assert "Begrippen voorstellen is voor leden" in text(response)
    assert "is geen lid van de vereniging." in text(response)
    assert "<form" not in text(response).split("<main", 1)[-1]
    assert client.post(NEW_URL, GOOD).status_code == 403
    assert not Proposal.objects.exists()


def test_a_member_proposes_a_new_begrip(client):
    user = member()
    client.force_login(user)
    page = client.get(NEW_URL)
    assert page.status_code == 200
    assert "Een begrip voorstellen" in text(page)
    assert "private" in page["Cache-Control"]

    response = client.post(NEW_URL, GOOD)
    assert response.status_code == 302
    assert response["Location"] == "/mijn-leerhuis/#begripvoorstellen"
    proposal = Proposal.objects.get()
    assert (proposal.kind, proposal.status, proposal.proposer) == (
        ProposalKind.NEW,
        ProposalStatus.SUBMITTED,
        user,
    )
    assert proposal.pref_label == "wyberen"
    assert proposal.reason == GOOD["reason"]


def test_a_form_with_errors_comes_back_with_what_was_typed_and_a_dutch_summary(client):
    client.force_login(member())
    response = client.post(NEW_URL, {**GOOD, "definition": "", "reason": ""})
    assert response.status_code == 200
    html = text(response)
    assert "Controleer wat je hebt ingevuld" in html
    assert 'href="#id_definition"' in html
    assert "Definitie: Dit is een verplicht veld." in html
    assert 'value="wyberen"' in html
    assert not Proposal.objects.exists()


def test_a_term_that_exists_points_to_the_begrip_that_has_it(client):
    concept = begrip("opgave-sturing", alt_labels="opgavesturing")
    client.force_login(member())
    response = client.post(NEW_URL, {**GOOD, "pref_label": "Opgavesturing"})
    assert response.status_code == 200
    html = text(response)
    assert "staat al in het begrippenkader, bij het begrip" in html
    assert f'href="/begrippen/{concept.slug}/wijziging-voorstellen/"' in html
    assert not Proposal.objects.exists()


def test_a_term_in_an_unpublished_draft_is_refused_without_naming_the_draft(client):
    begrip("Besturingsfilosofie", alt_labels="sturingsfilosofie", publish=False)
    client.force_login(member())

    response = client.post(NEW_URL, {**GOOD, "pref_label": "Sturingsfilosofie"})

    assert response.status_code == 200
    assert "ligt al bij de redactie" in text(response)
    assert "Besturingsfilosofie" not in text(response)
    assert not Proposal.objects.exists()


def test_a_member_proposes_a_change_to_a_live_begrip(client):
    concept = begrip("mandaat", "Oude definitie.")
    user = member()
    client.force_login(user)
    url = f"/begrippen/{concept.slug}/wijziging-voorstellen/"
    page = text(client.get(url))
    assert "Wijziging voorstellen: mandaat" in page
    assert "Oude definitie." in page

    response = client.post(
        url,
        {
            "definition": "De ruimte om namens een ander te besluiten.",
            "explanation": concept.explanation,
            "alt_labels": "",
            "reason": "Scherper.",
        },
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.kind == ProposalKind.CHANGE
    assert proposal.concept == concept
    assert proposal.definition == "De ruimte om namens een ander te besluiten."


def test_a_change_that_changes_nothing_is_refused_with_a_message(client):
    concept = begrip("mandaat", "Oude definitie.")
    client.force_login(member())
    response = client.post(
        f"/begrippen/{concept.slug}/wijziging-voorstellen/",
        {"definition": "Oude definitie.", "explanation": "", "alt_labels": "", "reason": "x"},
    )
    assert response.status_code == 200
    assert "Je voorstel verandert nog niets." in text(response)
    assert not Proposal.objects.exists()


def test_a_change_to_a_begrip_that_is_not_online_is_not_found(client):
    draft = begrip("kanteling", publish=False)
    client.force_login(member())
    assert client.get(f"/begrippen/{draft.slug}/wijziging-voorstellen/").status_code == 404


def test_voorstellen_is_not_a_slug_a_begrip_can_take():
    with pytest.raises(Exception, match="gereserveerd"):
        begrip("voorstellen")


def test_too_many_proposals_in_a_row_get_the_429_page(client):
    client.force_login(member())
    for _ in range(proposal_views.POST_LIMIT):
        assert client.post(NEW_URL, {"pref_label": ""}).status_code == 200
    response = client.post(NEW_URL, GOOD)
    assert response.status_code == 429
    assert "Te veel pogingen achter elkaar" in text(response)
    assert not Proposal.objects.exists()


def _propose(user, term):
    return proposals.propose(user, pref_label=term, definition="Betekenis.", reason="Nodig.")


def test_members_see_their_own_proposals_in_mijn_leerhuis_and_nobody_elses(client):
    mine, other = member(), member()
    _propose(mine, "wyberen")
    _propose(other, "kanteling")
    client.force_login(mine)
    page = text(client.get("/mijn-leerhuis/"))
    assert "Mijn voorstellen voor begrippen" in page
    assert "Nieuw begrip &#x27;wyberen&#x27;" in page
    assert "kanteling" not in page
    assert "ingediend" in page


def test_mijn_leerhuis_costs_the_same_queries_with_one_proposal_or_twenty_one(client):
    user = member()
    client.force_login(user)
    _propose(user, "een")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/mijn-leerhuis/").status_code == 200
        return len(queries)

    count()  # the first visit of a session sets up what later visits reuse
    one = count()
    for n in range(20):
        proposal = _propose(user, f"term {n}")
        proposal.concept = begrip(f"begrip {n}")
        proposal.save()
    assert count() == one


def test_a_member_who_never_proposed_is_invited_to(client):
    client.force_login(member())
    page = text(client.get("/mijn-leerhuis/"))
    assert "Je hebt nog geen begrippen voorgesteld." in page
    assert f'href="{NEW_URL}"' in page


def test_proposals_are_in_the_data_export_and_open_ones_go_with_the_account():
    user = member()
    decided = _propose(user, "wyberen")
    proposals.reject(decided, None, "Staat al in de kennisbank.")
    _propose(user, "kanteling")
    exported = dashboard.exported_by_apps(user)["begripvoorstellen"]
    assert {row["term"] for row in exported} == {"wyberen", "kanteling"}
    assert {row["status"] for row in exported} == {"afgewezen", "ingediend"}

    dashboard.before_delete(user)
    assert list(Proposal.objects.values_list("pref_label", "proposer")) == [("wyberen", None)]


def _section(client):
    page = text(client.get("/mijn-leerhuis/"))
    return page.split('id="begripvoorstellen"', 1)[-1]


def test_an_accepted_proposal_says_where_its_review_is_in_mijn_leerhuis_and_the_export(client):
    user = member()
    proposal = proposals.accept(_propose(user, "wyberen"), None)
    client.force_login(user)
    assert "geaccepteerd, ligt ter beoordeling bij de redactie" in _section(client)

    task_state = proposal.workflow_state.current_task_state
    task_state.approve(user=None)
    assert Concept.objects.live().filter(pref_label="wyberen").exists()
    section = _section(client)
    assert "geaccepteerd en gepubliceerd" in section
    assert "ter beoordeling" not in section
    exported = dashboard.exported_by_apps(user)["begripvoorstellen"]
    assert [row["status"] for row in exported] == ["geaccepteerd en gepubliceerd"]


def test_an_accepted_proposal_whose_review_was_stopped_says_so(client):
    user = member()
    proposal = proposals.accept(_propose(user, "wyberen"), None)
    proposal.workflow_state.cancel(user=None)
    client.force_login(user)
    section = _section(client)
    assert "geaccepteerd, maar de beoordeling is gestopt" in section
    assert "ter beoordeling" not in section


def test_who_may_propose_has_one_answer_for_the_form_and_mijn_leerhuis(client, monkeypatch):
    user = member()
    client.force_login(user)
    assert proposals.propose_block(user) == ""
    assert f'href="{NEW_URL}"' in text(client.get("/mijn-leerhuis/"))

    monkeypatch.setattr(proposals, "propose_block", lambda user: "Even niet, zegt de redactie.")
    refused = client.get(NEW_URL)
    assert refused.status_code == 403
    assert "Even niet, zegt de redactie." in text(refused)
    assert f'href="{NEW_URL}"' not in text(client.get("/mijn-leerhuis/"))


def test_a_guest_is_told_why_not_in_dutch():
    assert "is geen lid van de vereniging." in proposals.propose_block(guest())


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ("!!!", "Geef het begrip een korte naam met letters."),
        ("Agenda", "&#x27;agenda&#x27; is gereserveerd voor de site zelf"),
        ("voorstellen", "&#x27;voorstellen&#x27; is gereserveerd voor de site zelf"),
    ],
)
def test_a_term_the_begrippenkader_cannot_take_is_refused_while_typing(client, term, message):
    client.force_login(member())
    response = client.post(NEW_URL, {**GOOD, "pref_label": term})
    assert response.status_code == 200
    assert message in text(response)
    assert not Proposal.objects.exists()
