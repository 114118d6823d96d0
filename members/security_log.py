"""The security log: one logger, "leerhuis.security", for what an operator needs to see an
attack coming or to reconstruct one afterwards: logins that succeed or fail, logouts, MFA
codes refused, rate limits reached and permission refused (403).

Each line names the account by id, the address (members/client_ip.py) and the path, and
never anything that would let a reader of the log in: no password, code, token or session
key. A login name is an email address, personal data: it is masked (l***@veenendaal.nl), so
the log shows a campaign against one domain without listing who was tried. A key or token in
a path (password reset, email confirmation) is replaced by its name, here and in Django's own
request log. It lives on the lowest floor, beside the account adapter that reports lockouts
here.
"""

import logging

from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals

from members.client_ip import client_ip

logger = logging.getLogger("leerhuis.security")


def mask_email(value) -> str:
    """`lid@veenendaal.nl` → `l***@veenendaal.nl`; anything else → `***`."""
    local, at, domain = str(value or "").strip().rpartition("@")
    if not at or not local:
        return "***"
    return f"{local[0]}***@{domain.lower()}"


# URL arguments that are secrets: their value is replaced by the argument's name.
SECRET_ARGUMENTS = ("key", "token")


def path_of(request) -> str:
    """The request's path with any key or token in it replaced by `<key>`/`<token>`."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    for name in SECRET_ARGUMENTS:
        value = str((match.kwargs if match else {}).get(name) or "")
        if len(value) >= 8:
            path = path.replace(value, f"<{name}>")
        elif value:  # too short to replace safely: name the view instead
            return f"[{match.view_name}]"
    return path


class HideSecretPaths(logging.Filter):
    """Django logs every 4xx as `Too Many Requests: <path>` ("django.request"): a reset
    link refused would put its token in the log. This writes the path as path_of() does."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if request is not None and isinstance(record.args, tuple):
            record.args = tuple(
                path_of(request) if arg == request.path else arg for arg in record.args
            )
        return True


def _user_id(request, user=None):
    user = user if user is not None else getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else "-"


def event(request, what, *, user=None, **details):
    """One line: what happened, to which account, from where, on which path."""
    extra = "".join(f" {name}={value}" for name, value in details.items())
    if request is None:
        logger.warning("%s gebruiker=%s%s", what, _user_id(None, user), extra)
        return
    logger.warning(
        "%s gebruiker=%s ip=%s pad=%s%s",
        what,
        _user_id(request, user),
        client_ip(request),
        path_of(request),
        extra,
    )


def _logged_in(sender, request, user, **kwargs):
    if request is not None:
        logger.info("inloggen-gelukt gebruiker=%s ip=%s", user.pk, client_ip(request))


def _login_failed(sender, credentials, request=None, **kwargs):
    # Django has already replaced the password by stars; only the login name is used.
    name = credentials.get("email") or credentials.get("username") or credentials.get("login")
    event(request, "inloggen-mislukt", login=mask_email(name))


def _logged_out(sender, request, user, **kwargs):
    if request is not None and user is not None:
        logger.info("uitgelogd gebruiker=%s ip=%s", user.pk, client_ip(request))


def _mfa_failed(sender, request, user, **kwargs):
    event(request, "mfa-code-geweigerd", user=user)


def connect():
    auth_signals.user_logged_in.connect(_logged_in, dispatch_uid="security-log-in")
    auth_signals.user_login_failed.connect(_login_failed, dispatch_uid="security-log-failed")
    auth_signals.user_logged_out.connect(_logged_out, dispatch_uid="security-log-out")
    mfa_signals.authentication_failed.connect(_mfa_failed, dispatch_uid="security-log-mfa")
    # Logging is configured before apps are ready, so the filter stays once added.
    request_log = logging.getLogger("django.request")
    if not any(isinstance(f, HideSecretPaths) for f in request_log.filters):
        request_log.addFilter(HideSecretPaths())


class SecurityLogMiddleware:
    """Logs every refusal (403) and every limit reached (429), whichever view answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            event(request, "toegang-geweigerd")
        elif response.status_code == 429:
            # Our limits name themselves (leerhuis.core.ratelimit); the rest are allauth's.
            event(request, "limiet-bereikt", limiet=getattr(request, "leerhuis_limit", "allauth"))
        return response
