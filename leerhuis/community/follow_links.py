"""The addresses and headers in community mails: the one-click stop and the settings page.

A follow's stop address carries the follow's own random token (stored with the follow), a
daily summary's a signed token naming its person (services.following.summary_token), so
both work without logging in; stopping is all they can do. The pattern is the weekmail's
(leerhuis/knowledge/digest/): GET shows a page with one button, POST stops, and mail
programs POST `List-Unsubscribe=One-Click` to the same address (RFC 8058).
"""

from django.urls import reverse

from leerhuis.core.formatting import absolute_url


def stop_url(token):
    return absolute_url(reverse("volgen_stop", kwargs={"token": token}))


def settings_url():
    """Where someone sees and changes everything they follow (login needed)."""
    return absolute_url(reverse("volgen"))


def one_click_headers(url):
    """RFC 2369 and RFC 8058: the mail program offers 'afmelden' and stops with one POST."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def settings_headers():
    """A mention is not a follow, so there is nothing to stop in one click: the header
    points at the settings page, without List-Unsubscribe-Post (RFC 8058 allows that
    header only where a POST without login stops the mail)."""
    return {"List-Unsubscribe": f"<{settings_url()}>"}
