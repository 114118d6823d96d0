from datetime import UTC, timedelta

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.documents.views.serve import serve as wagtail_serve_document

from leerhuis.core.byte_ranges import partial
from leerhuis.core.formatting import absolute_url
from members.access import private

# RFC 9116 recommends an Expires less than a year ahead; renewing it is automatic.
SECURITY_TXT_VALIDITY = timedelta(days=180)


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers and feed readers ask /favicon.ico whatever the page's <link rel="icon">."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /mijn-leerhuis/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def security_txt(request):
    # Midnight UTC, so every worker answers the same text all day.
    today = timezone.now().astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    expires = today + SECURITY_TXT_VALIDITY
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {absolute_url(reverse('security_txt'))}",
    ]
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    lines.append("")
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, plus Cache-Control: private for a restricted document
    (its before_serve_document hook only gets to refuse, not to change the answer), and
    one byte range where asked for (a video that seeks)."""
    response = partial(request, wagtail_serve_document(request, document_id, document_filename))
    return private(response) if getattr(request, "serve_privately", False) else response
