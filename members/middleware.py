from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"
# Leaving must always be possible, also before MFA is set up.
ADMIN_LOGOUT = "/admin/logout/"


def can_use_admin(user):
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


def used_mfa_this_session(request, user):
    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


def exempt_from_mfa(user):
    """Only the dev demo editor, and only while DEBUG is on."""
    return settings.DEBUG and user.email in settings.LEERHUIS_ADMIN_MFA_EXEMPT


class StaffMFAMiddleware:
    """Admit staff to /admin/ only after a second factor in this session.

    allauth has no setting that enforces MFA, and Wagtail's own login would accept a
    password alone; Wagtail's login is redirected to allauth's (leerhuis.urls), and this
    middleware closes the rest: no authenticator yet → set one up; one set up but not used
    in this session → confirm with a code first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # path_info, not path: behind a URL prefix (SCRIPT_NAME) path would not match.
        path = request.path_info
        if path.startswith(ADMIN_PREFIX) and path != ADMIN_LOGOUT:
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        user = request.user
        if not can_use_admin(user) or used_mfa_this_session(request, user):
            return None
        if exempt_from_mfa(user):
            return None
        query = urlencode({"next": request.get_full_path()})
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            messages.info(
                request, _("Bevestig eerst met een code uit je authenticator-app dat jij het bent.")
            )
            return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        messages.warning(
            request,
            _(
                "Medewerkers gebruiken tweestapsverificatie. Stel eerst een authenticator-app "
                "in; daarna kom je in het beheer."
            ),
        )
        return redirect(f"{reverse('mfa_activate_totp')}?{query}")
