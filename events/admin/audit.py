"""The audit log of attendee data: every admin view that shows, exports, prints or mails
people's registrations writes who did it, what, and when (events.models.AuditEntry); the
report "Inzage in deelnemersgegevens" reads it back. Nothing in the admin changes or
deletes a row: the log has only a view permission, and no edit views.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports.base import ReportView

from events.models import AuditAction, AuditEntry, EventPage

from .links import NAMESPACE, url

READ = "events.view_auditentry"


def may_read_log(user):
    """Superusers, and the role Evenementen (leerhuis/staff/roles.py) through READ."""
    return user is not None and user.is_authenticated and user.has_perm(READ)


def user_label(user):
    name = user.get_full_name() or ""
    return f"{name} ({user.email})" if name else user.email


# What staff typed to find someone names or identifies an attendee: the log keeps only
# that they searched, not for whom.
TYPED = ("q", "code")


def filters_of(query):
    """The request's filters for the log, with what was typed left out."""
    kept = query.copy()
    for name in TYPED:
        if kept.get(name):
            kept[name] = "*"
    return kept.urlencode()


def record(request, action, what, event=None, detail=""):
    """One row: `request.user` did `action` to `what` (of `event`, if about one meeting).
    In Dutch whatever the viewer's admin language, so the log reads as one."""
    user = request.user
    with translation.override("nl"):
        what = str(what)
    return AuditEntry.objects.create(
        user=user,
        user_label=user_label(user)[:255],
        action=action,
        event=event,
        event_title=event.title[:255] if event is not None else "",
        what=what[:100],
        detail=detail[:500],
    )


class AuditedMixin:
    """Mix in after the access mixin (a refused request never gets here): a GET that shows
    data writes one row; `?export=` makes it an export."""

    audit_what = ""
    audit_action = AuditAction.BEKEKEN

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.status_code == 200:
            exported = request.GET.get("export")
            action = AuditAction.GEEXPORTEERD if exported else self.audit_action
            event = getattr(self, "event", None)
            record(request, action, self.audit_what, event, filters_of(request.GET))
        return response


def _staff_in_log(request):
    return get_user_model().objects.filter(pk__in=AuditEntry.objects.values("user"))


def _meetings_in_log(request):
    return EventPage.objects.filter(pk__in=AuditEntry.objects.values("event")).order_by("title")


class AuditFilterSet(WagtailFilterSet):
    medewerker = django_filters.ModelChoiceFilter(
        label=_("Medewerker"), field_name="user", queryset=_staff_in_log, empty_label=_("Alle")
    )
    activiteit = django_filters.ModelChoiceFilter(
        label=_("Activiteit"),
        field_name="event",
        queryset=_meetings_in_log,
        empty_label=_("Alle"),
    )
    handeling = django_filters.ChoiceFilter(
        label=_("Handeling"),
        field_name="action",
        choices=AuditAction.choices,
        empty_label=_("Alle"),
    )

    class Meta:
        model = AuditEntry
        fields = []


class AuditLogView(ReportView):
    """Newest first, 50 a page; the same few queries however long the log is."""

    template_name = "events/admin/inzage.html"
    page_title = _("Inzage in deelnemersgegevens")
    header_icon = "history"
    paginate_by = 50
    filterset_class = AuditFilterSet
    index_url_name = f"{NAMESPACE}:audit"
    index_results_url_name = f"{NAMESPACE}:audit_results"
    verbose_name = _("inzage")
    verbose_name_plural = _("inzages")

    def dispatch(self, request, *args, **kwargs):
        if not may_read_log(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return AuditEntry.objects.order_by("-at", "-pk")

    @cached_property
    def columns(self):
        return [
            Column(
                "at",
                label=_("Wanneer"),
                accessor=lambda e: date_format(timezone.localtime(e.at), "d-m-Y H:i:s"),
            ),
            Column("user_label", label=_("Medewerker")),
            Column("action", label=_("Handeling"), accessor="get_action_display"),
            Column("what", label=_("Onderdeel")),
            TitleColumn(
                "event_title",
                label=_("Activiteit"),
                get_url=lambda e: url("registrations", e.event_id) if e.event_id else None,
            ),
            Column("detail", label=_("Details")),
        ]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": gettext(self.page_title)}]
