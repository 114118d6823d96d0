"""Response headers the site sets itself, beside Django's SecurityMiddleware.

The CSP comes from django-csp inside the page cache, so a stored page keeps the policy it
was rendered with. The Permissions-Policy and Cross-Origin-Resource-Policy are set by a
middleware outside everything else instead: they depend on the path alone, so every
response gets them, whether a view, a stored page, a static file or an error page.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, and Wagtail's inline admin scripts only under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            return PolicyParts(
                settings.CSP_ADMIN_DIRECTIVES, parts.update, parts.replace, parts.nonce
            )
        if not report_only and getattr(request, "is_dummy", False):
            # Wagtail renders a preview through the middleware with a made-up request for the
            # page's own address; the admin shows it in a frame, which 'none' would block.
            replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
            return PolicyParts(parts.config, parts.update, replace, parts.nonce)
        return parts


def permissions_policy(features):
    """{"camera": [], "fullscreen": ["self", "https://…"]} as the header's structured field:
    `camera=(), fullscreen=(self "https://…")`."""

    def allowed(origins):
        return " ".join(origin if origin == "self" else f'"{origin}"' for origin in origins)

    return ", ".join(f"{feature}=({allowed(origins)})" for feature, origins in features.items())


class SecurityHeadersMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy on every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = permissions_policy(settings.PERMISSIONS_POLICY)
        self.admin_policy = permissions_policy(settings.PERMISSIONS_POLICY_ADMIN)
        # Static files and public images may be loaded from anywhere (a partner's page
        # showing the logo); everything else only by this site.
        self.open_prefixes = tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p)

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        admin = path.startswith(ADMIN_PREFIX)
        response.headers.setdefault(
            "Permissions-Policy", self.admin_policy if admin else self.policy
        )
        if settings.CROSS_ORIGIN_RESOURCE_POLICY and not path.startswith(self.open_prefixes):
            response.headers.setdefault(
                "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
            )
        return response
