"""The administrator's MFA reset in the admin: its URL, a button in the users' listing, and
its Dutch label in the log."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from leerhuis.staff import mfa
from leerhuis.staff.views import MFAResetView, may_reset_mfa


@hooks.register("register_admin_urls")
def register_mfa_reset_url():
    return [
        path(
            "gebruikers/<int:user_id>/tweestapsverificatie-herstellen/",
            MFAResetView.as_view(),
            name="staff_mfa_reset",
        )
    ]


@hooks.register("register_user_listing_buttons")
def mfa_reset_button(user, request_user):
    if may_reset_mfa(request_user, user):
        yield Button(
            _("Tweestapsverificatie herstellen"),
            url=reverse("staff_mfa_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(mfa.MFA_RESET, mfa.LABEL, mfa.LABEL)
