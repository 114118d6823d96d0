"""The unsubscribe address in every weekmail: works without logging in, so it carries its
own proof, the person's id signed with the site's secret (and a salt of its own, so no
other signed value of the site passes for it). Nothing is stored; unsubscribing is all it
can do, so it need not expire or be revoked.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

from leerhuis.core.formatting import absolute_url

SALT = "leerhuis.knowledge.digest.afmelden"


def token_for(user):
    return signing.dumps(user.pk, salt=SALT)


def user_for(token):
    """The person a token names, or None for a forged, damaged or outdated one."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return get_user_model().objects.filter(pk=pk).first()


def unsubscribe_url(user):
    return absolute_url(reverse("weekmail_afmelden", kwargs={"token": token_for(user)}))


def settings_url():
    """Where the weekmail is switched on and off in Mijn Leerhuis."""
    return absolute_url(f"{reverse('mijn_leerhuis')}#weekmail")
