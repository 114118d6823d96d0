"""Where you are logged in (/accounts/sessions/): each device named in words, when it was
last seen, and a way to log out there, one device at a time or all others at once.

allauth.usersessions keeps a row per session but offers only "log out everywhere else" and,
with its activity tracking on, writes that row on every request. Here the last-seen time is
written at most once per SEEN_INTERVAL per session (the session remembers when), so a
logged-in page costs no extra write, and the rows stay allauth's own, so deleting an
account or changing the password ends sessions as allauth does.
"""

import time

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.core.internal.httpkit import HTTP_USER_AGENT_MAX_LENGTH
from allauth.usersessions.internal.flows.sessions import end_other_sessions, end_sessions
from allauth.usersessions.models import UserSession
from allauth.usersessions.views import ListUserSessionsView
from django import forms
from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.utils import timezone
from django.utils.translation import gettext as _

from members import devices

SEEN_INTERVAL = 5 * 60  # seconds
SEEN_KEY = "leerhuis_seen_at"


def mark_seen(sender, request, user, **kwargs):
    """user_logged_in: a session starts as seen now (allauth's row has the same time)."""
    if request is not None and hasattr(request, "session"):
        request.session[SEEN_KEY] = time.time()


def forget_session(sender, request, user, **kwargs):
    """user_logged_out: allauth's row would stay until the next login purges it, listed
    under "where you are logged in" meanwhile; it goes with the session."""
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


class SessionActivityMiddleware:
    """Keeps a session's last-seen time, address and browser up to date, at most every few
    minutes; in place of allauth's UserSessionsMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        # session_key comes from the cookie: a visitor without one costs nothing here.
        if session is not None and session.session_key and SESSION_KEY in session:
            now = time.time()
            if now - session.get(SEEN_KEY, 0) >= SEEN_INTERVAL:
                UserSession.objects.filter(session_key=session.session_key).update(
                    last_seen_at=timezone.now(),
                    ip=get_account_adapter().get_client_ip(request),
                    user_agent=request.META.get("HTTP_USER_AGENT", "")[:HTTP_USER_AGENT_MAX_LENGTH],
                )
                session[SEEN_KEY] = now
        return self.get_response(request)


class SessionsForm(forms.Form):
    """Empty: log out on every other device. With `sessie`: on that one device only."""

    sessie = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def save(self, request):
        pk = self.cleaned_data.get("sessie")
        if pk is None:
            end_other_sessions(request, request.user)
            messages.success(request, _("Je bent uitgelogd op alle andere apparaten."))
            return
        # Only the owner's own sessions; another's number or one ended already: nothing.
        session = UserSession.objects.filter(pk=pk, user=request.user).first()
        if session is None:
            messages.info(request, _("Op dat apparaat was je al uitgelogd."))
            return
        device = devices.describe(session.user_agent)
        end_sessions(request, [session])
        messages.success(request, _("Je bent uitgelogd op %(device)s.") % {"device": device})


class SessionsView(ListUserSessionsView):
    form_class = SessionsForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for session in context["sessions"]:
            session.device = devices.describe(session.user_agent)
        # This device first, then the others, most recently seen first.
        context["sessions"] = sorted(
            context["sessions"],
            key=lambda s: (not s.is_current(), -s.last_seen_at.timestamp()),
        )
        context["others"] = [s for s in context["sessions"] if not s.is_current()]
        return context

    def form_valid(self, form):
        # allauth's own form_valid adds an English-sourced message; ours says which device.
        form.save(self.request)
        return super(ListUserSessionsView, self).form_valid(form)


sessions = SessionsView.as_view()
