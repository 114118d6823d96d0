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
        return parts
