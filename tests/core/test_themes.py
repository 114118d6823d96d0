"""One vocabulary of themes: editors keep it, and the calendar, the feeds and next the
kennisbank share it; theme URLs of before the vocabulary still answer the same meetings."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from leerhuis.core.themes import Thema
from tests.events_factories import calendar_page, in_days

BEFORE = [("events", "0005_auto_link_terms")]
AFTER = [("events", "0006_themes_from_the_vocabulary")]


@pytest.mark.django_db(transaction=True)
def test_tags_of_before_become_themes_and_their_urls_answer_the_same_meetings(client):
    """Meetings tagged before the vocabulary existed keep answering ?thema=<slug> in the
    calendar and the feed, and a saved draft keeps its themes."""
    calendar = calendar_page()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        _tagged_before_and_migrated(client, calendar, executor)
    finally:
        # Whatever happened, the next tests find the schema of today.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def _tagged_before_and_migrated(client, calendar, executor):
    old = executor.loader.project_state(BEFORE).apps
    Tag = old.get_model("taggit", "Tag")
    EventPage = old.get_model("events", "EventPage")
    Through = old.get_model("events", "EventPageTheme")
    Revision = old.get_model("wagtailcore", "Revision")
    ContentType = old.get_model("contenttypes", "ContentType")
    wonen = Tag.objects.create(name="Wonen", slug="wonen")
    # taggit allows a second name that differs only in case; it gets its own slug.
    wonen_too = Tag.objects.create(name="wonen", slug="wonen_1")
    zorg = Tag.objects.create(name="Zorg en welzijn", slug="zorg-en-welzijn")
    only_in_a_draft = Tag.objects.create(name="Mobiliteit", slug="mobiliteit")
    pages = {}
    tagged = [("Over wonen", [wonen, wonen_too]), ("Over zorg", [zorg])]
    for n, (title, tags) in enumerate(tagged):
        page = _old_meeting(EventPage, ContentType, calendar, title, n)
        for tag in tags:
            Through.objects.create(content_object_id=page.pk, tag=tag)
        pages[title] = page
    draft = Revision.objects.create(
        content_type_id=pages["Over wonen"].content_type_id,
        base_content_type_id=pages["Over wonen"].content_type_id,
        object_id=str(pages["Over wonen"].pk),
        object_str="Over wonen",
        created_at=timezone.now(),
        content={
            "title": "Over wonen",
            "tagged_themes": [{"pk": 1, "tag": wonen.pk}, {"pk": 2, "tag": only_in_a_draft.pk}],
        },
    )

    MigrationExecutor(connection).migrate(AFTER)

    assert sorted(Thema.objects.values_list("slug", "name")) == [
        ("mobiliteit", "Mobiliteit"),
        ("wonen", "Wonen"),
        ("wonen_1", "wonen (wonen_1)"),
        ("zorg-en-welzijn", "Zorg en welzijn"),
    ]
    # The pages are asked with today's schema: later apps (the kennisbank) are in every menu.
    latest = MigrationExecutor(connection)
    latest.migrate(latest.loader.graph.leaf_nodes())
    for slug in ("wonen", "wonen_1"):
        listed = client.get(f"/activiteiten/?thema={slug}").content.decode()
        assert "Over wonen" in listed and "Over zorg" not in listed
    feed = client.get("/activiteiten/agenda.ics?thema=zorg-en-welzijn").content.decode()
    assert "Over zorg" in feed and "Over wonen" not in feed
    draft.refresh_from_db()
    kept = Thema.objects.filter(slug__in=["wonen", "mobiliteit"]).values_list("pk", flat=True)
    assert draft.content["themes"] == sorted(kept)
    assert "tagged_themes" not in draft.content


def _old_meeting(EventPage, ContentType, calendar, title, n):
    """A live meeting as the migrations' own models write it (no Wagtail helpers there)."""
    content_type, _ = ContentType.objects.get_or_create(app_label="events", model="eventpage")
    start = in_days(10 + n)
    slug = f"oud-{n}"
    return EventPage.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        path=f"{calendar.path}{n + 1:04d}",
        depth=calendar.depth + 1,
        numchild=0,
        url_path=f"{calendar.url_path}{slug}/",
        content_type=content_type,
        locale_id=calendar.locale_id,
        live=True,
        intro="Een middag.",
        start=start,
        end=start.replace(hour=16),
        venue="Stadhuis",
    )


@pytest.mark.django_db
def test_editors_keep_the_list_of_themes(admin_client_with_mfa):
    response = admin_client_with_mfa.post(
        "/admin/snippets/core/thema/add/",
        {"name": "Wonen", "slug": "", "description": "Huisvesting en woningbouw."},
    )
    assert response.status_code == 302
    assert Thema.objects.get().slug == "wonen"
    again = admin_client_with_mfa.post(
        "/admin/snippets/core/thema/add/", {"name": "wonen", "slug": "wonen-2"}
    )
    assert again.status_code == 200
    assert "Er is al een thema met deze naam." in again.content.decode()
    assert Thema.objects.count() == 1
