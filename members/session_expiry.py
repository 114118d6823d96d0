"""A login ends after a while without use and after a fixed time however busy it is.

Both limits are checked on the server, from times kept in the session itself, so a stolen
or forgotten cookie stops working whatever its own expiry says, and ending a session costs
no extra query. Staff sessions (whoever may use the admin) get the stricter limits: they
reach everyone's personal data. The settings are in leerhuis/settings/security.py.

The last-activity time is written at most once per WRITE_INTERVAL, so a busy session is not
saved on every request; the idle limit is exact to within that interval. Visitors who are
not logged in are not looked at: a page without a session cookie gets none from here, which
the page cache depends on.
"""

import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext as _

from members.middleware import ADMIN_PREFIX, can_use_admin

logger = logging.getLogger(__name__)

STARTED_KEY = "leerhuis_login_at"
ACTIVE_KEY = "leerhuis_active_at"
STAFF_KEY = "leerhuis_staff_session"
WRITE_INTERVAL = 60  # seconds


def mark_login(sender, request, user, **kwargs):
    """user_logged_in: the clock of both limits starts now."""
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[STARTED_KEY] = now
    request.session[ACTIVE_KEY] = now
    request.session[STAFF_KEY] = can_use_admin(user)


def limits(session):
    """(idle, absolute) in seconds for this session."""
    if session.get(STAFF_KEY):
        return settings.SESSION_STAFF_IDLE_TIMEOUT, settings.SESSION_STAFF_ABSOLUTE_TIMEOUT
    return settings.SESSION_IDLE_TIMEOUT, settings.SESSION_ABSOLUTE_TIMEOUT


class SessionExpiryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        # session_key comes from the cookie: a visitor without one costs nothing here.
        if session is None or not session.session_key or SESSION_KEY not in session:
            return self.get_response(request)
        now = time.time()
        if STARTED_KEY not in session:  # logged in before these limits existed: from now
            session[STARTED_KEY] = session[ACTIVE_KEY] = now
        if (
            request.path_info.startswith(ADMIN_PREFIX)
            and not session.get(STAFF_KEY)
            and can_use_admin(request.user)
        ):
            session[STAFF_KEY] = True  # made staff since logging in
        idle, absolute = limits(session)
        if now - session[STARTED_KEY] > absolute:
            return self.expired(request, "absolute")
        if now - session[ACTIVE_KEY] > idle:
            return self.expired(request, "idle")
        if now - session[ACTIVE_KEY] >= WRITE_INTERVAL:
            session[ACTIVE_KEY] = now
        return self.get_response(request)

    def expired(self, request, reason):
        logger.info("Sessie verlopen (%s) voor gebruiker %s", reason, request.session[SESSION_KEY])
        # Django's logout: user_logged_out (allauth's row goes, members.sessions), then the
        # session is deleted from the database and the cache, and the cookie cleared.
        logout(request)
        messages.info(request, _("Je sessie is verlopen. Log opnieuw in om verder te gaan."))
        login = resolve_url(settings.LOGIN_URL)
        if request.method in ("GET", "HEAD"):
            login = f"{login}?{urlencode({'next': request.get_full_path()})}"
        return redirect(login)
