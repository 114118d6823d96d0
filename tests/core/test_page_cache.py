"""The anonymous full-page cache (leerhuis/core/page_cache.py): what it serves, and that a
visitor never gets someone else's page."""

import gzip

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from leerhuis.core import page_cache
from tests.events_factories import EventPageFactory, RegistrationFactory, member
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def stored(client, url, **headers):
    """The page as an anonymous visitor gets it once it is in the cache: the first visit
    starts a generation, the second stores the page."""
    client.get(url, **headers)
    return client.get(url, **headers)


def warm(client, url, **headers):
    """The page once it is stored: a hit, as long as nothing changed."""
    stored(client, url, **headers)
    return client.get(url, **headers)


def is_hit(response):
    return response.get("X-Cache") == "hit"


@pytest.mark.page_cache_hits
def test_a_hit_is_the_same_page_without_a_query(client, home_page):
    EventPageFactory(title="Studiedag opgave-sturing")
    rendered = stored(client, "/activiteiten/")
    assert rendered.status_code == 200 and not is_hit(rendered)

    with CaptureQueriesContext(connection) as queries:
        hit = client.get("/activiteiten/")

    assert is_hit(hit)
    assert len(queries) == 0
    assert hit.content == rendered.content
    assert "Studiedag opgave-sturing" in hit.content.decode()
    # The headers the inner middleware gave it come along, those outside it are added anew.
    assert hit["Content-Security-Policy"] == rendered["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["Referrer-Policy"] == "same-origin"


@pytest.mark.page_cache_hits
def test_head_is_served_from_the_stored_page(client, home_page):
    assert is_hit(warm(client, "/"))
    with CaptureQueriesContext(connection) as queries:
        head = client.head("/")
    assert head.status_code == 200 and is_hit(head)
    assert len(queries) == 0


def test_query_strings_are_pages_of_their_own(client, home_page):
    EventPageFactory(title="Webinar wonen")
    assert is_hit(warm(client, "/activiteiten/"))
    other = client.get("/activiteiten/?pagina=1")
    assert not is_hit(other)
    assert is_hit(client.get("/activiteiten/?pagina=1"))


def test_excluded_prefixes_are_never_stored(client, home_page, settings):
    settings.PAGE_CACHE_EXCLUDE = ["/activiteiten/"]
    EventPageFactory()
    for _ in range(3):
        assert not is_hit(client.get("/activiteiten/"))
    assert is_hit(warm(client, "/"))  # the rest still is


def test_the_admin_and_personal_addresses_are_excluded_by_default(settings):
    for prefix in ["/admin/", "/accounts/", "/mijn-leerhuis/", "/documenten/"]:
        assert prefix in settings.PAGE_CACHE_EXCLUDE


# --- nobody gets another's page ---------------------------------------------------------


def test_a_members_meeting_page_is_never_stored_or_served_to_others(client):
    event = EventPageFactory(title="Leerdag")
    person = member(full_name="Fenna Bosma")
    RegistrationFactory(event=event, user=person)
    client.force_login(person)
    for _ in range(3):
        mine = client.get(event.url)
        assert "Je bent aangemeld" in mine.content.decode() and not is_hit(mine)
    client.logout()

    for _ in range(3):
        theirs = client.get(event.url)
        html = theirs.content.decode()
        assert "Je bent aangemeld" not in html and "Fenna Bosma" not in html
    assert is_hit(theirs)  # the anonymous page, which is stored


def test_a_logged_in_visitor_never_gets_the_stored_anonymous_page(client, home_page):
    anonymous = warm(client, "/")
    assert is_hit(anonymous) and "Inloggen" in anonymous.content.decode()
    client.force_login(UserFactory(full_name="Jorien Kamp"))

    page = client.get("/")

    assert not is_hit(page)
    assert "Uitloggen" in page.content.decode()
    assert "Inloggen" not in page.content.decode()


def test_mijn_leerhuis_is_never_stored(client, home_page):
    person = member(full_name="Sietske Dam")
    client.force_login(person)
    for _ in range(2):
        assert "Sietske Dam" in client.get("/mijn-leerhuis/").content.decode()
    client.logout()
    for _ in range(2):
        response = client.get("/mijn-leerhuis/")
        assert response.status_code == 302 and not is_hit(response)


def test_a_page_with_a_csrf_token_is_not_stored(client, settings, home_page):
    settings.PAGE_CACHE_EXCLUDE = []  # the login form would be excluded by its address too
    for _ in range(3):
        form = client.get("/accounts/login/")
        assert b"csrfmiddlewaretoken" in form.content
        assert not is_hit(form)


def test_a_flash_message_is_neither_stored_nor_replayed(client, home_page):
    assert is_hit(warm(client, "/"))
    client.login(email=UserFactory().email, password=PASSWORD)
    client.post("/accounts/logout/")  # "Je bent uitgelogd." waits in the messages cookie

    with_message = client.get("/")
    assert not is_hit(with_message)
    assert b'class="messages' in with_message.content or b"uitgelogd" in with_message.content

    after = [client.get("/") for _ in range(2)]
    assert all(b"uitgelogd" not in response.content for response in after)


def test_a_private_answer_is_not_stored(rf, home_page):
    """Whatever members.access.private() marks (restricted pages, documents) stays out."""
    from django.http import HttpResponse

    from members.access import private

    middleware = page_cache.PageCacheMiddleware(lambda request: private(HttpResponse("geheim")))
    for _ in range(3):
        request = rf.get("/ergens/")
        assert not is_hit(middleware(request))


# --- the cache may fail -----------------------------------------------------------------

UNREACHABLE = {
    "default": {
        "BACKEND": "leerhuis.core.cache_backends.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
    }
}


def test_an_unreachable_cache_is_a_miss_not_an_error(client, home_page):
    EventPageFactory(title="Themadag zorg")
    # override_settings gives Django's cache handler the new CACHES (django.test.signals).
    with override_settings(CACHES=UNREACHABLE):
        for _ in range(2):
            response = client.get("/activiteiten/")
            assert response.status_code == 200
            assert "Themadag zorg" in response.content.decode()
        page_cache.changed()  # a write elsewhere must not fail either


def test_every_kind_of_public_page_is_stored_and_served(client, home_page):
    """Rendering writes nothing that counts as content (renditions, say), so the second
    visit stores what the third gets, for each kind of page the benchmark measures."""
    from glossary.models import Concept
    from leerhuis.community.models import Soort
    from leerhuis.community.services import posting
    from tests.glossary_factories import begrip
    from tests.knowledge_factories import ArticlePageFactory, kennisbank_page

    event = EventPageFactory(title="Opgave-sturing in de praktijk")
    begrip("Opgave", "Een maatschappelijke opgave.")
    kennisbank_page()
    article = ArticlePageFactory(title="Sturen op opgaven")
    thread = posting.start_thread(
        member(), title="Hoe begin je?", text="Waar begin ik?", soort=Soort.VRAAG
    )
    urls = [
        "/",
        "/activiteiten/",
        event.url,
        "/activiteiten/agenda.ics",
        "/begrippen/",
        Concept.objects.get().get_absolute_url(),
        "/kennisbank/",
        article.url,
        "/gesprekken/",
        thread.get_absolute_url(),
        "/zoeken/?q=opgave",
        "/leden/",
        "/bestuur/",
    ]
    for url in urls:
        response = warm(client, url)
        assert response.status_code == 200, url
        assert is_hit(response), url


@pytest.mark.page_cache_hits
def test_a_stored_feed_still_answers_304_to_a_conditional_get(client, home_page):
    EventPageFactory()
    feed = warm(client, "/activiteiten/agenda.ics")
    assert is_hit(feed) and feed.has_header("ETag")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/activiteiten/agenda.ics", HTTP_IF_NONE_MATCH=feed["ETag"])
    assert again.status_code == 304 and is_hit(again)
    assert len(queries) == 0
    other = client.get("/activiteiten/agenda.ics", HTTP_IF_NONE_MATCH='"iets-anders"')
    assert other.status_code == 200 and other.content == feed.content


def test_what_a_begrip_answers_depends_on_what_is_accepted(client, home_page):
    from glossary.models import Concept
    from tests.glossary_factories import begrip

    begrip("Opgave", "Een maatschappelijke opgave.")
    url = Concept.objects.get().get_absolute_url()
    assert is_hit(warm(client, url))
    turtle = client.get(url, HTTP_ACCEPT="text/turtle")
    assert not is_hit(turtle) and turtle["Content-Type"].startswith("text/turtle")
    assert client.get(url)["Content-Type"].startswith("text/html")


@pytest.mark.page_cache_hits
def test_a_large_body_is_kept_apart_and_a_304_does_not_read_it(client, home_page, monkeypatch):
    monkeypatch.setattr(page_cache, "LARGE_BODY", 100)  # the feed counts as large
    EventPageFactory(title="Studiedag opgave-sturing")
    feed = warm(client, "/activiteiten/agenda.ics")
    assert is_hit(feed) and b"Studiedag opgave-sturing" in feed.content

    read = []
    original_get = cache.get
    monkeypatch.setattr(
        cache, "get", lambda key, *a, **k: read.append(key) or original_get(key, *a, **k)
    )
    again = client.get("/activiteiten/agenda.ics", HTTP_IF_NONE_MATCH=feed["ETag"])
    assert again.status_code == 304 and is_hit(again)
    assert not [key for key in read if page_cache.LARGE_BODY_PREFIX in key]

    whole = client.get("/activiteiten/agenda.ics")
    assert is_hit(whole) and whole.content == feed.content
    bodies = [key for key in read if page_cache.LARGE_BODY_PREFIX in key]
    assert bodies

    # A page without ETag or Last-Modified gets no 304: it stays whole, one read per hit.
    read.clear()
    listing = warm(client, "/activiteiten/")
    assert is_hit(listing) and len(listing.content) > page_cache.LARGE_BODY
    assert not [key for key in read if page_cache.LARGE_BODY_PREFIX in key]

    # The body gone (evicted): rendered again, never an empty or a wrong page.
    cache.delete_many(bodies)
    rendered = client.get("/activiteiten/agenda.ics")
    assert not is_hit(rendered) and rendered.content == feed.content


@pytest.mark.page_cache_hits
def test_the_feed_is_kept_gzipped_for_who_accepts_it_and_plain_for_who_does_not(client, home_page):
    EventPageFactory(title="Studiedag opgave-sturing")
    url = "/activiteiten/agenda.ics"
    plain = warm(client, url)
    packed = warm(client, url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert is_hit(plain) and is_hit(packed)
    assert "Content-Encoding" not in plain and packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    # gzip makes the ETag weak; a subscriber sending it back still gets a 304 from the cache.
    assert packed["ETag"].startswith("W/")
    again = client.get(url, HTTP_IF_NONE_MATCH=packed["ETag"], HTTP_ACCEPT_ENCODING="gzip")
    assert again.status_code == 304 and is_hit(again)


def test_a_flood_of_stored_pages_culls_pages_not_sessions_or_rate_limits(client, home_page):
    """Production without Redis keeps everything in the database cache, which culls the
    lowest third of its keys by name once full. Anonymous visitors can fill it with pages
    (every query string is one); what goes must be pages, never a login limit or a session."""
    from django.core.cache import caches
    from django.core.management import call_command

    small = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_page_cache_flood",
            "OPTIONS": {"MAX_ENTRIES": 30, "CULL_FREQUENCY": 3},
        }
    }
    with override_settings(CACHES=small):
        call_command("createcachetable", verbosity=0)
        store = caches["default"]
        store.set("allauth:rl:login_failed:ip:203.0.113.9", [1, 2, 3], 600)
        store.set("ratelimit:events:42:1", 1, 600)
        store.set("django.contrib.sessions.cached_dbabc123", {"_auth_user_id": "7"}, 600)
        for number in range(80):
            assert client.get(f"/?bezoek={number}").status_code == 200
        assert store.get("allauth:rl:login_failed:ip:203.0.113.9") == [1, 2, 3]
        assert store.get("ratelimit:events:42:1") == 1
        assert store.get("django.contrib.sessions.cached_dbabc123") == {"_auth_user_id": "7"}
        assert is_hit(client.get("/?bezoek=79")) or is_hit(client.get("/?bezoek=79"))


def test_browsers_curl_and_load_tools_share_one_entry_whatever_their_accept_header(
    client, home_page
):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert is_hit(warm(client, "/", HTTP_ACCEPT=browser))
    assert is_hit(client.get("/", HTTP_ACCEPT="*/*"))
    assert is_hit(client.get("/"))
