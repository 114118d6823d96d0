"""The begrippen of a meeting or leergang: chosen in the editor, shown on the page, and
recorded in Wagtail's reference index so a begrip can say where it is used."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex

from events.models import EventBegrip, EventPage, LearningTrackPage, TrackBegrip
from tests.events.helpers.event_page import html_of
from tests.events_factories import EventPageFactory, LearningTrackPageFactory
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db


def link(page, *concepts):
    """What an editor does: choose the begrippen in the panel and publish."""
    page = type(page).objects.get(pk=page.pk)
    link_model = EventBegrip if isinstance(page, EventPage) else TrackBegrip
    page.begrippen = [link_model(concept=c, sort_order=i) for i, c in enumerate(concepts)]
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def test_a_published_meeting_is_in_the_reference_index_of_its_begrip():
    opgave = begrip("opgave")
    meeting = link(EventPageFactory(title="Studiedag"), opgave)

    sources = {(r.object_id, r.model_path) for r in ReferenceIndex.get_references_to(opgave)}

    assert (str(meeting.pk), "begrippen.item.concept") in sources


def test_a_leergang_is_in_the_reference_index_of_its_begrip_too():
    programma = begrip("programma")
    track = link(LearningTrackPageFactory(title="Leergang"), programma)

    pages = {r.object_id for r in ReferenceIndex.get_references_to(programma)}

    assert pages == {str(track.pk)}
    assert isinstance(track, LearningTrackPage)


def test_the_meeting_page_shows_its_begrippen_with_definition_and_link(client):
    opgave = begrip("opgave", "Een maatschappelijk vraagstuk waar de gemeente op stuurt.")
    mandaat = begrip("mandaat", "De bevoegdheid om namens een ander te beslissen.")
    meeting = link(EventPageFactory(), mandaat, opgave)

    page = html_of(client, meeting)

    assert 'id="begrippen-titel"' in page
    assert f'href="{opgave.get_absolute_url()}">opgave</a>' in page
    assert "De bevoegdheid om namens een ander te beslissen." in page
    # In the order the editor chose.
    assert page.index(">mandaat</a>") < page.index(">opgave</a>")


def test_a_begrip_that_was_never_published_is_not_shown(client):
    draft = begrip("kanteling", publish=False)
    meeting = link(EventPageFactory(), draft, begrip("mandaat"))

    page = html_of(client, meeting)

    assert ">mandaat</a>" in page
    assert "kanteling" not in page


def test_a_meeting_without_begrippen_has_no_begrippen_section(client):
    page = html_of(client, EventPageFactory())

    assert "begrippen-titel" not in page


def test_the_leergang_page_shows_its_begrippen(client):
    track = link(LearningTrackPageFactory(), begrip("programmamanagement"))

    assert ">programmamanagement</a>" in html_of(client, track)


def test_deleting_a_begrip_leaves_the_meeting_intact(client):
    gone = begrip("wyberen")
    meeting = link(EventPageFactory(), gone, begrip("mandaat"))

    gone.delete()
    page = html_of(client, meeting)

    assert ">mandaat</a>" in page
    assert "wyberen" not in page
    # A draft made before still opens, without the begrip that is gone.
    assert [
        b.concept.pref_label for b in meeting.get_latest_revision_as_object().begrippen.all()
    ] == ["mandaat"]


def test_the_meeting_page_asks_the_same_number_of_queries_for_one_or_five_begrippen(client):
    one = link(EventPageFactory(), begrip("b-een"))
    five = link(EventPageFactory(), *(begrip(f"c-{n}") for n in range(5)))
    html_of(client, one)  # warm the caches (site root, content types)

    with CaptureQueriesContext(connection) as few:
        html_of(client, one)
    with CaptureQueriesContext(connection) as many:
        html_of(client, five)

    assert len(few) == len(many)


def test_editors_choose_begrippen_in_the_meetings_edit_form(admin_client_with_mfa):
    meeting = link(EventPageFactory(), begrip("procesregie"))

    response = admin_client_with_mfa.get(f"/admin/pages/{meeting.pk}/edit/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="begrippen-TOTAL_FORMS" value="1"' in page
    assert "procesregie" in page
