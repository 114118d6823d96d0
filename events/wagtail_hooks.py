"""The organisers' tools in the admin: the "Aanmeldingen" menu, a button on every meeting
page, the finance report, the permissions that guard them, and the guards that keep
registrations from being deleted with their pages (events/admin/)."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from events import clock, retention
from events.admin import (
    actions,
    checkin,
    dashboard_panels,
    guards,
    messaging,
    next_edition,
    printing,
    schemes,
    tracks,
    views,
    yearly,
)
from events.admin import (
    audit as audit_log,
)
from events.admin.access import may_view
from events.admin.finance import FinanceView
from events.admin.links import NAMESPACE
from events.calendar import upcoming_for
from events.digest import new_meetings
from events.models import EventIndexPage, EventPage, LearningTrackPage
from events.services import audit
from leerhuis.core import digest, home, outbox, page_cache, search_types
from leerhuis.core import retention as core_retention
from members.dashboard import Section


@hooks.register(home.HOOK)
def upcoming_meetings(request):
    """The home page's next three meetings the visitor may see, and the way to the rest."""
    calendar = EventIndexPage.objects.live().first()
    return Section(
        title=_("Komende activiteiten"),
        template="events/includes/upcoming_events.html",
        context={
            "events": upcoming_for(request.user, 3),
            "calendar_url": calendar.get_url(request) if calendar else "",
        },
        order=10,
        stylesheets=("css/calendar.css",),
    )


# The weekmail's new meetings (leerhuis/knowledge/digest/ sends it).
hooks.register(digest.HOOK, new_meetings)


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view(request.user)


class RegistrationsViewSet(ViewSet):
    name = NAMESPACE
    icon = "group"
    menu_label = _("Aanmeldingen")
    menu_order = 210
    add_to_admin_menu = True

    @cached_property
    def menu_item_class(self):
        return RegistrationsMenuItem

    def get_urlpatterns(self):
        meetings = views.MeetingsView
        report = views.RegistrationsView
        finance = FinanceView
        return [
            path("", meetings.as_view(), name="index"),
            path("results/", meetings.as_view(results_only=True), name="index_results"),
            path("facturatie/", finance.as_view(), name="finance"),
            path("leergangen/", tracks.TracksView.as_view(), name="tracks"),
            path(
                "leergangen/results/",
                tracks.TracksView.as_view(results_only=True),
                name="tracks_results",
            ),
            path("inzage/", audit_log.AuditLogView.as_view(), name="audit"),
            path(
                "inzage/results/",
                audit_log.AuditLogView.as_view(results_only=True),
                name="audit_results",
            ),
            path("jaaroverzicht/", yearly.YearlyView.as_view(), name="yearly"),
            path(
                "jaaroverzicht/results/",
                yearly.YearlyView.as_view(results_only=True),
                name="yearly_results",
            ),
            path("facturatie/results/", finance.as_view(results_only=True), name="finance_results"),
            path("<int:event_id>/", report.as_view(), name="registrations"),
            path(
                "<int:event_id>/results/",
                report.as_view(results_only=True),
                name="registrations_results",
            ),
            path(
                "<int:event_id>/presentielijst/",
                printing.AttendanceListView.as_view(),
                name="attendance_list",
            ),
            path("<int:event_id>/inchecken/", checkin.CheckInPageView.as_view(), name="checkin"),
            path(
                "<int:event_id>/inchecken/code/",
                checkin.CheckInCodeView.as_view(),
                name="checkin_code",
            ),
            path("<int:event_id>/naambadges/", printing.BadgesView.as_view(), name="badges"),
            path("<int:event_id>/bericht/", messaging.MessageView.as_view(), name="message"),
            path(
                "<int:event_id>/bericht/versturen/",
                messaging.SendMessageView.as_view(),
                name="message_send",
            ),
            path(
                "<int:event_id>/<int:pk>/aanwezig/",
                actions.CheckInView.as_view(),
                name="check_in",
            ),
            path("<int:event_id>/<int:pk>/plaats/", actions.PromoteView.as_view(), name="promote"),
            path("<int:event_id>/<int:pk>/afmelden/", actions.CancelView.as_view(), name="cancel"),
        ]


@hooks.register("register_admin_viewset")
def register_registrations_viewset():
    return RegistrationsViewSet()


class PageRegistrationsButton(PageMenuItem):
    label = _("Aanmeldingen")
    icon_name = "group"
    url_name = "aanmeldingen:registrations"
    priority = 25

    def is_shown(self, user):
        return may_view(user)


def _is_meeting(page):
    # The listing passes plain Page objects; their class comes from the cached content type.
    return issubclass(page.specific_class or type(page), EventPage)


class NextEditionButton(PageMenuItem):
    label = _("Volgende editie maken")
    icon_name = "copy"
    url_name = "volgende_editie"
    priority = 35

    def __init__(self, *, user, **kwargs):
        super().__init__(**kwargs)
        self.user = user

    def is_shown(self, user=None):
        # Who may add a page beside this one; the view asks CopyPageAction the same.
        parent = self.page.get_parent()
        return parent is not None and parent.permissions_for_user(self.user).can_add_subpage()


def _meeting_buttons(page, user):
    if _is_meeting(page):
        yield PageRegistrationsButton(page=page)
        button = NextEditionButton(page=page, user=user)
        if button.is_shown():
            yield button


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    yield from _meeting_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    yield from _meeting_buttons(page, user)


@hooks.register("construct_homepage_panels")
def organiser_panels(request, panels):
    """Places and the latest registrations: personal data, for who may see registrations."""
    if may_view(request.user):
        panels.extend(
            [
                dashboard_panels.UpcomingMeetingsPanel(),
                dashboard_panels.RecentRegistrationsPanel(),
            ]
        )


@hooks.register("register_admin_urls")
def register_next_edition_url():
    return [
        path(
            "activiteiten/<int:page_id>/volgende-editie/",
            next_edition.NextEditionView.as_view(),
            name="volgende_editie",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_finance_report_menu_item():
    return RegistrationsMenuItem(
        _("Facturatie"),
        reverse("aanmeldingen:finance"),
        name="facturatie",
        icon_name="download",
        order=650,
    )


@hooks.register("register_reports_menu_item")
def register_yearly_report_menu_item():
    return RegistrationsMenuItem(
        _("Jaaroverzicht"),
        reverse("aanmeldingen:yearly"),
        name="jaaroverzicht",
        icon_name="date",
        order=660,
    )


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return audit_log.may_read_log(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(
        _("Inzage in deelnemersgegevens"),
        reverse("aanmeldingen:audit"),
        name="inzage",
        icon_name="history",
        order=670,
    )


@hooks.register("register_permissions")
def register_attendee_permissions():
    """So the group editor offers them: see registrations, and manage them."""
    return Permission.objects.filter(
        content_type__app_label="events", codename__in=["view_attendees", "manage_attendees"]
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label in audit.LABELS.items():
        actions.register_action(action, label, label)

    @actions.register_action(audit.MESSAGE_SENT)
    class AttendeeMessageSent(LogFormatter):
        label = _("Bericht aan deelnemers")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Bericht aan %(count)s deelnemers: %(subject)s") % {
                "count": data.get("count", 0),
                "subject": data.get("subject", ""),
            }


# Editors keep the accreditation schemes; one that meetings use is never deleted.
register_snippet(schemes.AccreditationSchemeViewSet)
hooks.register("before_delete_snippet", schemes.refuse_delete_in_use)


# Registrations outlive every admin action on pages: see events/admin/guards.py.
hooks.register("before_delete_page", guards.refuse_delete)
hooks.register("before_move_page", guards.refuse_move)
hooks.register("before_bulk_action", guards.refuse_bulk_action)
hooks.register(core_retention.HOOK, retention.purge_answers)
hooks.register(core_retention.HOOK, retention.purge_audit_log)
hooks.register(core_retention.HOOK, retention.purge_invitations)


def _calendar_url():
    calendar = EventIndexPage.objects.live().first()
    return calendar.url if calendar else ""


@hooks.register(search_types.HOOK)
def search_result_types():
    """Site search tells meetings and leergangen apart, and points at the calendar."""
    return [
        search_types.ResultType(
            "activiteit",
            _("Activiteiten"),
            _("activiteit"),
            page_models=(EventPage,),
            index_url=_calendar_url,
            order=20,
        ),
        search_types.ResultType(
            "leergang", _("Leergangen"), _("leergang"), page_models=(LearningTrackPage,), order=30
        ),
    ]


@hooks.register(outbox.RENDERERS_HOOK)
def registration_mails():
    """The registration mails (and a leergang's booking) are queued as recipes under the
    meetings' locks and drawn after the commit (events.mail_render)."""
    from events import mail, mail_render

    return {mail.RENDERER: mail_render.render, mail.TRACK_RENDERER: mail_render.render_track}


@hooks.register(page_cache.EXPIRY_HOOK)
def meetings_change(request, now):
    """Stored pages hold until a meeting's sign-up opens or closes, it starts or ends."""
    return clock.next_change(request, now)
