"""The finance list: who is invoiced, as a report with XLSX and CSV for the administration."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports.base import ReportView

from events.models import EventStatus, Registration
from leerhuis.core.formatting import money_or_free

from .access import AttendeeAccessMixin
from .audit import AuditedMixin
from .exports import FINANCE_COLUMNS, DutchSpreadsheetMixin
from .filters import FinanceFilterSet
from .links import NAMESPACE, url


class FinanceView(AttendeeAccessMixin, AuditedMixin, DutchSpreadsheetMixin, ReportView):
    """Who is invoiced: confirmed non-members with a price, by the date of the meeting.

    Cancelled registrations are left out, and so is the waiting list: who never got a place
    pays nothing.
    """

    template_name = "events/admin/finance.html"
    sheet_title = _("Facturatie")
    results_template_name = "events/admin/export_results.html"
    page_title = _("Facturatie")
    header_icon = "download"
    paginate_by = 100
    filterset_class = FinanceFilterSet
    index_url_name = f"{NAMESPACE}:finance"
    index_results_url_name = f"{NAMESPACE}:finance_results"
    verbose_name = _("aanmelding")
    verbose_name_plural = _("aanmeldingen om te factureren")
    export_columns = FINANCE_COLUMNS
    audit_what = _("facturatie")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": gettext("Aanmeldingen")},
            {"url": "", "label": gettext("Facturatie")},
        ]

    def get_base_queryset(self):
        return (
            # Whoever has a place at a meeting that went ahead and a price: non-members,
            # and members where the meeting has a member price.
            Registration.objects.confirmed()
            .filter(price__gt=0, event__live=True)
            .exclude(event__status=EventStatus.GEANNULEERD)
            .select_related("event")
            .order_by("event__start", "event_id", "name", "pk")
        )

    def get_filename(self):
        return f"facturatie-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "event",
                label=_("Activiteit"),
                accessor="event.title",
                get_url=lambda r: url("registrations", r.event_id),
            ),
            Column(
                "date",
                label=_("Datum"),
                accessor=lambda r: date_format(timezone.localtime(r.event.start), "d-m-Y"),
            ),
            Column("name", label=_("Naam")),
            Column("organisation_name", label=_("Organisatie")),
            Column("billing_organisation", label=_("Factuur aan")),
            Column("billing_reference", label=_("Kostenplaats")),
            Column("billing_email", label=_("Factuur-e-mail"), accessor=_billing_email),
            Column("price", label=_("Prijs"), accessor=lambda r: money_or_free(r.price)),
        ]


def _billing_email(registration):
    return registration.billing_email or registration.email
