"""Verification codes for the lines of a development statement.

A code names one attended registration and carries a keyed hash of it, so the Leerhuis can
confirm at /bewijs/<code>/ that it issued the line, and a made-up or altered code is refused
without a lookup table: nothing is stored, and no code can be guessed from another (the
registration's random ticket code is in the hash). Codes stay valid as long as SECRET_KEY
does; rotating it withdraws them all, which the README says beside the key.
"""

import base64
import re

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "leerhuis.ontwikkeling.bewijs"
MAC_LENGTH = 10
# Crockford's base32 digits: no I, L, O, U, so a code read aloud or typed over survives.
DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE = re.compile(rf"^([{DIGITS}]{{1,13}})-([{DIGITS}]{{{MAC_LENGTH}}})$")


def _number(value):
    digits = ""
    while True:
        value, rest = divmod(value, 32)
        digits = DIGITS[rest] + digits
        if not value:
            return digits


def _value(digits):
    value = 0
    for digit in digits:
        value = value * 32 + DIGITS.index(digit)
    return value


def _mac(registration):
    digest = salted_hmac(SALT, f"{registration.pk}:{registration.ticket_code}").digest()
    text = base64.b32encode(digest).decode().rstrip("=")
    # RFC 4648's alphabet to Crockford's, so the two halves use the same digits.
    table = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", DIGITS)
    return text.translate(table)[:MAC_LENGTH]


def code_for(registration):
    """The code printed beside an attended meeting on a statement, e.g. '3F7-K9Q2M4XA0B'."""
    return f"{_number(registration.pk)}-{_mac(registration)}"


def normalise(code):
    """As typed: lower case, spaces, and the letters O, I and L for 0, 1 and 1."""
    code = "".join(str(code).split()).upper()
    return code.translate(str.maketrans("OIL", "011"))


def registration_pk(code):
    """The registration a well-formed code names, or None; the hash is checked by
    matches() once the registration is loaded."""
    found = CODE.match(normalise(code))
    return _value(found.group(1)) if found else None


def matches(registration, code):
    return constant_time_compare(_mac(registration), normalise(code).partition("-")[2])
