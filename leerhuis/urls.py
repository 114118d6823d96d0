from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from glossary.sitemaps import ConceptSitemap
from leerhuis.community.sitemaps import ThreadSitemap
from leerhuis.core import views as core_views
from leerhuis.core.sitemaps import PublicSitemap
from leerhuis.knowledge import case_views
from leerhuis.knowledge import feeds as knowledge_feeds
from leerhuis.search import views as search_views
from members import directory as members_views
from members import sessions as members_sessions

urlpatterns = [
    # Every login goes through allauth, where MFA lives; Wagtail's own form would accept a
    # password alone.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailadmin_login_redirect",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's front-end login (wagtail.urls) is Django's plain password form: no email
    # verification, no rate limit. It goes to allauth too.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailcore_login_redirect",
    ),
    # Resolves before Wagtail's own document URL (which reverse() still builds): the same
    # path, with private caching for restricted documents.
    path(
        "documenten/<int:document_id>/<path:document_filename>",
        core_views.serve_document,
        name="document",
    ),
    path("documenten/", include(wagtaildocs_urls)),
    # Before allauth's own: the same page, with devices in words and one-device log-out.
    path("accounts/sessions/", members_sessions.sessions, name="usersessions_list"),
    path("accounts/", include("allauth.urls")),
    path("mijn-leerhuis/weekmail/", include("leerhuis.knowledge.digest.urls")),
    path("mijn-leerhuis/volgen/", include("leerhuis.community.follow_urls")),
    path("mijn-leerhuis/", include("members.urls")),
    path("begrippen/", include("glossary.urls")),
    path("", include("events.urls")),
    path("", include("events.development.urls")),
    # Reporting first: "bijdrage" is not a thread's slug.
    path("gesprekken/", include("leerhuis.community.moderation_urls")),
    path("gesprekken/", include("leerhuis.community.index_urls")),
    path("gesprekken/", include("leerhuis.community.thread_urls")),
    path("groepen/", include("leerhuis.community.group_urls")),
    path("leden/", members_views.member_directory, name="leden"),
    path("bestuur/", members_views.board, name="bestuur"),
    path("zoeken/", search_views.search, name="zoeken"),
    # Before Wagtail's pages: "feed" is a reserved slug, no page below the kennisbank has it.
    path("kennisbank/feed/", knowledge_feeds.rss, name="kennisbank_feed"),
    path("kennisbank/feed/atom/", knowledge_feeds.atom, name="kennisbank_feed_atom"),
    path("kennisbank/casus-indienen/", case_views.new_case, name="casus_indienen"),
    path("kennisbank/casus-indienen/<int:pk>/", case_views.edit_case, name="casus_bewerken"),
    path(
        "kennisbank/casus-indienen/<int:pk>/voorbeeld/",
        case_views.preview_case,
        name="casus_voorbeeld",
    ),
    path(
        "kennisbank/casus-indienen/<int:pk>/verwijderen/",
        case_views.delete_case,
        name="casus_verwijderen",
    ),
    path(
        "sitemap.xml",
        sitemap,
        {
            "sitemaps": {
                "wagtail": PublicSitemap,
                "begrippen": ConceptSitemap,
                "gesprekken": ThreadSitemap,
            }
        },
        name="sitemap",
    ),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path(".well-known/security.txt", core_views.security_txt, name="security_txt"),
]

# allauth's rate limits answer with this (it looks the name up here): our Dutch 429 page.
handler429 = "leerhuis.core.ratelimit.handler429"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
