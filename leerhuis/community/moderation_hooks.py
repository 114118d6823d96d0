"""Moderation in the admin: the "Meldingen" menu item (with the number of open reports),
its views under /admin/meldingen/, the dashboard's "Te modereren" panel (moderation_panel:
reports, and the cases, begrippen and group requests waiting), and the labels of the
moderation actions in Wagtail's log. Only moderators (rules.is_moderator) see the reports.
"""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from . import admin_moderation, moderation_panel, review_panel, rules
from .models import Report
from .services import moderation


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.is_moderator(request.user)

    def render_component(self, request):
        # Menu items are made once; the count is the request's own.
        component = super().render_component(request)
        count = admin_moderation.open_report_count()
        if count:
            component.label = f"{self.label} ({count})"
        return component


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "ter-beoordeling/",
            review_panel.ReviewQueueView.as_view(),
            name=review_panel.URL_NAME,
        ),
        path(
            "meldingen/",
            include((admin_moderation.urlpatterns(), admin_moderation.NAMESPACE)),
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Meldingen"),
        reverse(f"{admin_moderation.NAMESPACE}:index"),
        name="meldingen",
        icon_name="warning",
        order=260,
    )


@hooks.register("construct_homepage_panels")
def add_to_moderate_panel(request, panels):
    moderation_panel.panels_for(request.user, panels)


@hooks.register("register_permissions")
def register_moderation_permission():
    """So the group editor offers "Kan bijdragen verbergen en terugzetten" (rules.MODERATE)."""
    app_label, codename = rules.MODERATE.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


class ModerationFormatter(LogFormatter):
    """The reason of a moderator's decision (or of a report) in the history's message."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        reason = data.get("reason", "")
        if log_entry.action in (moderation.REPORTED, moderation.DISMISSED):
            reason = Report.Reason(reason).label if reason in Report.Reason.values else reason
        return f"{self.label}: {reason}" if reason else str(self.label)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for action, label in moderation.LABELS.items():
        actions.register_action(action)(type("Formatter", (ModerationFormatter,), {"label": label}))
