"""The statement of a year, as PDF and as CSV, for the person whose record it is.

Both are read from record.record_for(), the one rule of what counts, so the statement can
never list a meeting the record page leaves out. Each is also a file in the privacy archive
(events/development/privacy.py), built by the same functions as the downloads here.

The URL names only a year: whoever asks gets their own statement, so there is no one
else's to reach by changing a number.
"""

import codecs
import io
from csv import writer as csv_writer

from anyascii import anyascii
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from leerhuis.core.formatting import absolute_url
from leerhuis.core.spreadsheet import neutral
from members.access import private
from members.models import Affiliation

from .formatting import number_text
from .record import FIRST_YEAR, record_for
from .statement_pdf import statement_pdf

# Stands in for a code in the sentence that says where codes are checked.
PLACEHOLDER = "CODE"


def valid_year(year):
    """2000 up to next year (a course booked ahead); anything else is no statement: 404."""
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        raise Http404(_("Voor dit jaar is er geen overzicht."))
    return year


def check_url(code):
    """The absolute address where the Leerhuis confirms a line: <BASE_URL>/bewijs/<code>/."""
    return absolute_url(reverse("bewijs", args=[code]))


def check_address():
    return check_url(PLACEHOLDER).replace(PLACEHOLDER, "<code>")


def display_name(user):
    return user.get_full_name() or user.email


def organisation_name(user):
    """The organisation the Leerhuis has linked the person to (by a verified address or by
    staff); a choice still waiting for confirmation is not stated on their behalf."""
    affiliation = Affiliation.objects.filter(user=user).select_related("organisation").first()
    if affiliation is None or not affiliation.is_linked:
        return ""
    return affiliation.organisation.name


def filename(user, year, extension):
    """ "ontwikkeling-2026-astrid-van-de-klift.pdf"."""
    name = slugify(anyascii(user.get_full_name() or ""))[:60] or "leerhuis"
    return f"ontwikkeling-{year}-{name}.{extension}"


# --- the files --------------------------------------------------------------------------


def pdf_bytes(user, record):
    return statement_pdf(
        record,
        name=display_name(user),
        organisation=organisation_name(user),
        check_address=check_address(),
    )


def _scheme_heading(scheme):
    """ "IPMA (PE-punten)", "PMI – Leadership (PDU)"."""
    return f"{scheme} ({scheme.unit})"


def csv_bytes(record):
    """One row per line for Dutch Excel: `;`, UTF-8 with a BOM, a decimal comma, and one
    column per scheme that awarded points this year. Text a person typed (learning
    elsewhere) goes through neutral(), so Excel never runs it as a formula."""
    with translation.override("nl"):
        schemes = [scheme for scheme, _total in record.points_by_scheme]
        out = io.StringIO()
        writer = csv_writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(
            [
                _("datum"),
                _("activiteit"),
                _("leergang"),
                _("organisator"),
                _("soort"),
                _("studie-uren"),
                *(_scheme_heading(scheme) for scheme in schemes),
                _("verificatiecode"),
                _("verificatie-URL"),
            ]
        )
        for line in record.lines:
            points = {scheme.pk: value for scheme, value in line.points}
            writer.writerow(
                [
                    date_format(line.date, "d-m-Y"),
                    neutral(line.title),
                    neutral(line.track),
                    neutral(line.organiser),
                    _("Leerhuis") if line.is_leerhuis else _("eigen opgave"),
                    number_text(line.hours),
                    *(number_text(points[s.pk]) if s.pk in points else "" for s in schemes),
                    line.code,
                    check_url(line.code) if line.code else "",
                ]
            )
        return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


# --- the downloads ----------------------------------------------------------------------


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return private(response)


@never_cache
@login_required
@require_GET
def pdf(request, year):
    record = record_for(request.user, valid_year(year))
    return _download(
        pdf_bytes(request.user, record), "application/pdf", filename(request.user, year, "pdf")
    )


@never_cache
@login_required
@require_GET
def csv(request, year):
    record = record_for(request.user, valid_year(year))
    return _download(
        csv_bytes(record), "text/csv; charset=utf-8", filename(request.user, year, "csv")
    )
