from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, and Wagtail's inline admin scripts only under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            return PolicyParts(
                settings.CSP_ADMIN_DIRECTIVES, parts.update, parts.replace, parts.nonce
            )
        if not report_only and getattr(request, "is_dummy", False):
            # Wagtail renders a preview through the middleware with a made-up request for the
            # page's own address; the admin shows it in a frame, which 'none' would block.
            replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
            return PolicyParts(parts.config, parts.update, replace, parts.nonce)
        return parts
