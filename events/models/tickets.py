"""The code on someone's ticket: what the QR code and the printed ticket carry.

Random, not derived from anything (no primary key, no name), so knowing one code tells
nothing about another. 16 characters from Crockford's base-32 alphabet (no I, L, O, U) are
80 bits: far beyond guessing, short enough to type from a printed ticket in four groups of
four. Typing is forgiving: case, spaces and dashes do not matter, and the letters people
mistake for digits (O, I, L) are read as the digits.

The code opens nothing by itself: only an organiser with the right to manage attendees can
check someone in with it (events/services/checkin.py), and the ticket address shows its
contents only to that organiser or the owner (events/tickets.py).
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16
GROUP = 4
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_ticket_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_code(text):
    """The stored form of a typed or scanned code, or '' when it cannot be one.

    A scanned QR code carries the ticket address; its last path segment is the code.
    """
    text = (text or "").strip()
    if "/" in text:
        text = text.rstrip("/").rsplit("/", 1)[-1]
    code = text.upper().replace("-", "").replace(" ", "").translate(_MISREAD)
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return ""
    return code


def grouped(code):
    """'K7QM-3XP9-…': how the code is printed, to be read and typed."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
