"""Pages never ask the database for the begrippen: each process builds its matcher once per
version of the begrippen, and a change to a begrip (published, renamed, withdrawn,
unpublished, deleted) makes a new version in the shared cache, after its commit."""

import pytest
from django.core.cache import cache

from glossary import linking
from glossary.models import Concept, ConceptStatus
from tests.glossary.linking_helpers import link, links
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

TEXT = "<p>Een opgave vraagt mandaat.</p>"


@pytest.fixture
def builds(monkeypatch):
    """How many times this process built a matcher."""
    made = []
    build = linking.build_matcher

    def counted():
        made.append(1)
        return build()

    monkeypatch.setattr(linking, "build_matcher", counted)
    return made


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit, as the end of an editor's request does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def opgave():
    return begrip("opgave", "Een maatschappelijk vraagstuk.")


def linked_addresses(html=TEXT):
    return [address for address, _term, _definition in links(link(html))]


def test_pages_share_one_matcher_while_no_begrip_changes(opgave, builds):
    for _page in range(5):
        assert linked_addresses() == ["/begrippen/opgave/"]
    assert len(builds) == 1


def test_a_newly_published_begrip_is_linked_from_the_next_page_on(opgave, builds, committed):
    assert linked_addresses() == ["/begrippen/opgave/"]
    with committed():
        begrip("mandaat")
    assert linked_addresses() == ["/begrippen/opgave/", "/begrippen/mandaat/"]
    assert len(builds) == 2


def test_a_renamed_begrip_is_linked_by_its_new_term(opgave, builds, committed):
    assert linked_addresses() == ["/begrippen/opgave/"]
    opgave.pref_label = "maatschappelijke opgave"
    with committed():
        opgave.save_revision().publish()
    assert linked_addresses() == []
    assert linked_addresses("<p>Een maatschappelijke opgave.</p>") == ["/begrippen/opgave/"]
    assert len(builds) == 2


def test_a_new_definition_shows_in_the_tooltip_once_published(opgave, committed):
    link(TEXT)
    opgave.definition = "Wat de samenleving van de gemeente vraagt."
    with committed():
        opgave.save_revision().publish()
    assert links(link(TEXT))[0][2] == "Wat de samenleving van de gemeente vraagt."


@pytest.mark.parametrize(
    "change",
    [
        lambda concept: _publish(concept, status=ConceptStatus.VERVALLEN),
        lambda concept: concept.unpublish(),
        lambda concept: concept.delete(),
    ],
    ids=["withdrawn", "unpublished", "deleted"],
)
def test_a_begrip_taken_off_the_site_is_no_longer_linked(opgave, committed, change):
    assert linked_addresses() == ["/begrippen/opgave/"]
    with committed():
        change(opgave)
    assert linked_addresses() == []


def _publish(concept, **changes):
    for name, value in changes.items():
        setattr(concept, name, value)
    concept.save_revision().publish()


def test_a_draft_or_a_lock_of_a_live_begrip_builds_nothing_new(opgave, builds, committed):
    link(TEXT)
    opgave.pref_label = "opgaaf"
    with committed():
        opgave.save_revision()  # a draft: the site still shows the published begrip
        opgave.locked = True
        opgave.save(update_fields=["locked"])
    assert linked_addresses() == ["/begrippen/opgave/"]
    assert len(builds) == 1


def test_a_change_reaches_every_process_only_after_its_commit(opgave, builds):
    link(TEXT)
    version = linking.current_version()
    begrip("mandaat")  # the test's transaction never commits
    assert linking.current_version() == version
    assert linked_addresses() == ["/begrippen/opgave/"]


def test_a_bulk_import_that_says_so_is_linked_at_the_next_page(opgave, builds, committed):
    link(TEXT)
    Concept.objects.filter(pk=opgave.pk).update(definition="Bijgewerkt door een import.")
    assert links(link(TEXT))[0][2] == "Een maatschappelijk vraagstuk."  # no signal, no news
    with committed():
        linking.begrippen_changed()
    assert links(link(TEXT))[0][2] == "Bijgewerkt door een import."
    assert len(builds) == 2


def test_a_shared_cache_that_lost_the_version_makes_every_process_build_again(opgave, builds):
    link(TEXT)
    cache.clear()
    link(TEXT)
    assert len(builds) == 2


def test_a_change_the_cache_could_not_take_still_reaches_the_texts_after_a_while(
    opgave, builds, monkeypatch
):
    """Redis down when a begrip was withdrawn: the version stays, the matcher still ages."""
    clock = [1000.0]
    monkeypatch.setattr(linking.time, "monotonic", lambda: clock[0])
    assert linked_addresses() == ["/begrippen/opgave/"]
    Concept.objects.filter(pk=opgave.pk).update(status=ConceptStatus.VERVALLEN)  # no signal

    clock[0] += linking.MAX_AGE - 1
    assert linked_addresses() == ["/begrippen/opgave/"]
    clock[0] += 2
    assert linked_addresses() == []
    assert len(builds) == 2
