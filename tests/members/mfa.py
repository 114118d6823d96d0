"""Real TOTP codes for tests: the same computation an authenticator app makes."""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

PERIOD = 30


def totp_code(secret, at=None):
    if at is None:
        # A code made in the last moments of its 30 seconds may be stale when it arrives.
        left = PERIOD - time.time() % PERIOD
        if left < 2:
            time.sleep(left + 0.1)
    counter = int(time.time() if at is None else at) // PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def activate_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def has_totp(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
