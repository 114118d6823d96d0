"""Spreadsheets that Dutch Excel opens right, and the columns of the two exports.

Wagtail's SpreadsheetExportMixin writes a comma-separated CSV without a byte order mark,
which Dutch Excel shows as one column of garbled accents; it also writes times in UTC.
Here the CSV is `;`-separated UTF-8 with a BOM, amounts have a decimal comma, and times are
Amsterdam time in both formats.
"""

import codecs
import csv
import datetime
from collections import OrderedDict
from decimal import Decimal

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.mixins import Echo, ExcelDateFormatter

from events.development.formatting import points_text
from events.development.record import day_of
from leerhuis.core.spreadsheet import neutral


def _local(moment):
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nee")
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, datetime.datetime):
        return _local(value).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    return neutral(str(value))


def xlsx_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nee")
    if isinstance(value, datetime.datetime):
        return timezone.make_naive(value) if timezone.is_aware(value) else value
    if isinstance(value, (Decimal, int, float, datetime.date)):
        return value
    return str(value)  # Wagtail's writer keeps a leading "=" as text in XLSX


class DutchSpreadsheetMixin:
    """Mix in before ReportView. Subclasses set `export_columns`: (key, heading, getter)."""

    export_columns = ()
    # Wagtail names the sheet "Sheet1"; organisers see the tab's name in Excel.
    sheet_title = _("Aanmeldingen")

    @property
    def list_export(self):
        return [key for key, _heading, _getter in self.export_columns]

    @property
    def export_headings(self):
        return {key: heading for key, heading, _getter in self.export_columns}

    def to_row_dict(self, item):
        return OrderedDict((key, getter(item)) for key, _heading, getter in self.export_columns)

    def preprocess_field_value(self, field, value, export_format):
        return csv_value(value) if export_format == self.FORMAT_CSV else xlsx_value(value)

    def stream_csv(self, queryset):
        yield codecs.BOM_UTF8
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
        yield writer.writerow({key: self.get_heading(queryset, key) for key in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_xlsx(self, queryset, output):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True, iso_dates=True)
        # Excel allows 31 characters in a sheet's name.
        worksheet = workbook.create_sheet(title=str(self.sheet_title)[:31])
        worksheet.append(self.get_heading(queryset, key) for key in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            row = self.to_row_dict(item)
            worksheet.append(self.generate_xlsx_row(worksheet, row, date_format=date_format))
        workbook.save(output)

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            self.stream_csv(queryset), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response


def _workshop(registration):
    return registration.workshop.title if registration.workshop else ""


def _learned(registration):
    """Only whoever's record the meeting is on gets its hours and points (checked in, with
    a confirmed place, at a meeting that went ahead and has begun: counts_for_record, which
    the record reads too); the others stay empty, so summing the column gives the learning
    the meeting gave, not its study load times everyone who signed up."""
    return registration.counts_for_record()


def _study_hours(registration):
    return registration.event.learning_hours() if _learned(registration) else None


def _points(registration):
    if not _learned(registration):
        return ""
    return "; ".join(
        points_text(scheme, points) for scheme, points in registration.event.accreditation_points()
    )


REGISTRATION_COLUMNS = (
    ("naam", _("Naam"), lambda r: r.name),
    ("email", _("E-mail"), lambda r: r.email),
    ("organisatie", _("Organisatie"), lambda r: r.organisation_name),
    ("status", _("Status"), lambda r: r.get_status_display()),
    ("aangemeld_op", _("Aangemeld op"), lambda r: r.created_at),
    ("lid", _("Lid"), lambda r: r.is_member),
    ("prijs", _("Prijs"), lambda r: r.price),
    ("grond", _("Grond"), lambda r: r.membership_basis),
    ("factuur_aan", _("Factuur aan"), lambda r: r.billing_organisation),
    ("kostenplaats", _("Kostenplaats"), lambda r: r.billing_reference),
    ("dieetwensen", _("Dieetwensen"), lambda r: r.dietary),
    ("toegankelijkheid", _("Toegankelijkheid"), lambda r: r.accessibility),
    ("workshop", _("Workshop"), _workshop),
    ("deelnemerslijst", _("Deelnemerslijst"), lambda r: r.on_attendee_list),
    ("aanwezig", _("Aanwezig"), lambda r: r.checked_in_at is not None),
    ("studie_uren", _("Studie-uren"), _study_hours),
    ("punten", _("Punten"), _points),
)

FINANCE_COLUMNS = (
    ("activiteit", _("Activiteit"), lambda r: r.event.title),
    ("datum", _("Datum"), lambda r: day_of(r.event.start)),
    ("naam", _("Naam"), lambda r: r.name),
    ("organisatie", _("Organisatie"), lambda r: r.organisation_name),
    ("factuur_aan", _("Factuur aan"), lambda r: r.billing_organisation),
    ("kostenplaats", _("Kostenplaats"), lambda r: r.billing_reference),
    ("factuur_email", _("Factuur-e-mail"), lambda r: r.billing_email or r.email),
    ("prijs", _("Prijs"), lambda r: r.price),
    ("grond", _("Grond"), lambda r: r.membership_basis),
)
