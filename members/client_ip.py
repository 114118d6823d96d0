"""Who is asking, by address: the one answer every rate limit keys on.

Behind a reverse proxy every request comes from the proxy's address, so keying on
REMOTE_ADDR puts all visitors in one bucket (ten wrong passwords would lock out everyone).
The proxy's own header is trusted only as far as the operator says: ALLAUTH_TRUSTED_PROXY_COUNT
proxies append to X-Forwarded-For (the client is the entry that many from the right; what a
visitor writes further left is ignored), or ALLAUTH_TRUSTED_CLIENT_IP_HEADER names a header
the proxy sets itself. allauth's limits and ours (leerhuis.core.ratelimit) read the address
here (members.adapter.AccountAdapter.get_client_ip), so both count the same visitor. It lives
on the lowest floor because the account adapter needs it.
"""

import logging

from allauth.core.internal import httpkit
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger("leerhuis.security")


def client_ip(request) -> str:
    """The visitor's address as the trusted proxies report it, else the connection's."""
    try:
        ip = httpkit.get_client_ip(request)
    except ImproperlyConfigured:
        # Fewer X-Forwarded-For entries than trusted proxies: the request did not come
        # through them all. The connection's address is then the only one to believe, and
        # a wrong header must not be a 500.
        logger.warning("X-Forwarded-For heeft minder adressen dan vertrouwde proxies")
        ip = None
    if not ip:
        # A missing or unreadable proxy header: fall back to the connection itself.
        ip = httpkit.clean_client_ip(request.META.get("REMOTE_ADDR", "")) or "onbekend"
    return ip
