"""An administrator resets a colleague's two-step verification (a lost phone, a new one).

Every authenticator goes (TOTP, recovery codes, security keys) and so do the colleague's
open sessions, so whoever holds the old phone or a logged-in browser is out too; at the
next admin login members.middleware.StaffMFAMiddleware asks them to set up an app again.
The reset is in Wagtail's log of the user, and the colleague hears of it by mail: a reset
they did not ask for is something they should report.
"""

from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from leerhuis.core.formatting import absolute_url
from leerhuis.core.outbox import queue

MFA_RESET = "staff.mfa_hersteld"
LABEL = gettext_lazy("Tweestapsverificatie hersteld door een beheerder")


def reset_mfa(colleague, by):
    """Remove `colleague`'s authenticators and sessions, log it, mail them; the number of
    authenticators removed."""
    with transaction.atomic():
        removed = sorted(
            Authenticator.objects.filter(user=colleague).values_list("type", flat=True)
        )
        Authenticator.objects.filter(user=colleague).delete()
        for session in UserSession.objects.filter(user=colleague):
            session.end()
        log(
            instance=colleague,
            action=MFA_RESET,
            user=by,
            title=colleague.get_full_name() or colleague.email,
            data={"removed": removed},
        )
        _mail(colleague, by)
    return len(removed)


def _mail(colleague, by):
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Je tweestapsverificatie is opnieuw ingesteld")
        queue(
            f"mfa-hersteld:{colleague.pk}:{timezone.now().timestamp()}",
            colleague.email,
            subject,
            "staff/mail/mfa_hersteld",
            {
                "subject": subject,
                "name": colleague.get_full_name() or colleague.email,
                "by_name": by.get_full_name() or by.email,
                "admin_url": absolute_url(reverse("wagtailadmin_home")),
            },
        )
