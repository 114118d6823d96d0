"""A browser and system named the way people say them ("Firefox op Windows"), read from the
User-Agent header, for the sessions page and the mails about changes to an account.

A raw User-Agent string means nothing to most people, and a full parser (with its yearly
list of devices) is more than two words need. Browsers copy each other's tokens (Edge and
Opera say "Chrome", Chrome says "Safari"), so the most specific token is tried first; what
is not recognised is called unknown rather than guessed.
"""

import re

from django.utils.translation import gettext as _

# (token in the header, name); the first match wins.
BROWSERS = [
    ("Edg", "Edge"),
    ("EdgA", "Edge"),
    ("EdgiOS", "Edge"),
    ("OPR", "Opera"),
    ("Opera", "Opera"),
    ("SamsungBrowser", "Samsung Internet"),
    ("FxiOS", "Firefox"),
    ("Firefox", "Firefox"),
    ("CriOS", "Chrome"),
    ("Chromium", "Chromium"),
    ("HeadlessChrome", "Chrome"),
    ("Chrome", "Chrome"),
    ("Version", "Safari"),  # Safari names its version "Version/17.1 … Safari/605"
]
SYSTEMS = [
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("CrOS", "ChromeOS"),
    ("Macintosh", "macOS"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
]
_BROWSER_TOKENS = [(re.compile(rf"\b{re.escape(token)}/"), name) for token, name in BROWSERS]


def browser_name(user_agent):
    if "Safari/" not in (user_agent or "") and "Version/" in (user_agent or ""):
        return None  # "Version/" alone is not Safari (old Opera, some bots)
    for pattern, name in _BROWSER_TOKENS:
        if pattern.search(user_agent or ""):
            return name
    return None


def system_name(user_agent):
    for token, name in SYSTEMS:
        if token in (user_agent or ""):
            return name
    return None


def describe(user_agent):
    """'Firefox op Windows', 'Safari op iPhone', or as much of it as can be told."""
    browser, system = browser_name(user_agent), system_name(user_agent)
    if browser and system:
        return _("%(browser)s op %(system)s") % {"browser": browser, "system": system}
    if browser:
        return _("%(browser)s op een onbekend systeem") % {"browser": browser}
    if system:
        return _("Onbekende browser op %(system)s") % {"system": system}
    return _("Onbekend apparaat")
