"""Bewijs van deelname: a one-page PDF for a meeting someone attended (checked in), or for
a leergang they completed, downloaded from Mijn Leerhuis by that person alone.

fpdf2 with its built-in Helvetica: pure Python, no fonts on the server needed. Those fonts
know Windows-1252 only (all Dutch and West European letters, the euro sign, dashes), so
a rarer letter in a name is written as its nearest plain letter rather than failing.
"""

import unicodedata

from anyascii import anyascii
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from events.models import LearningTrackPage, Registration
from leerhuis.core.association import association_name
from members.access import private

PRIMARY = (20, 71, 125)  # --color-primary of the site
MUTED = (75, 85, 99)
ENCODING = "cp1252"


def pdf_text(text):
    """`text` in the letters the built-in fonts have: 'Łukasz' becomes 'Lukasz'."""
    try:
        text.encode(ENCODING)
        return text
    except UnicodeEncodeError:
        return "".join(_pdf_char(char) for char in text)


def _pdf_char(char):
    try:
        char.encode(ENCODING)
        return char
    except UnicodeEncodeError:
        decomposed = unicodedata.normalize("NFKD", char)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
        for candidate in (stripped, anyascii(char)):
            try:
                if candidate:
                    candidate.encode(ENCODING)
                    return candidate
            except UnicodeEncodeError:
                continue
        return "?"


def hours(start, end):
    """Duration in hours, to the quarter, Dutch style: '5,5 uur', '6 uur', '0,75 uur'."""
    quarters = round((end - start).total_seconds() / 900)
    return _hours_text(quarters)


def _hours_text(quarters):
    value = f"{quarters / 4:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return _("%(hours)s uur") % {"hours": value}


def _quarters(event):
    return round((event.end - event.start).total_seconds() / 900)


def _day(moment):
    return date_format(timezone.localtime(moment), "l j F Y")


def _time_span(event):
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    if start.date() == end.date():
        return _("%(start)s tot %(end)s uur") % {
            "start": date_format(start, "H:i"),
            "end": date_format(end, "H:i"),
        }
    return _("%(start)s tot %(end)s") % {
        "start": date_format(start, "j F Y H:i"),
        "end": date_format(end, "j F Y H:i"),
    }


class _Certificate(FPDF):
    """An A4 page with a frame, the association at the top and the issue date below."""

    def __init__(self, title):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.core_fonts_encoding = ENCODING
        self.set_margins(30, 30, 30)
        self.set_auto_page_break(True, margin=30)
        self.set_lang("nl")
        self.set_title(pdf_text(title))
        self.set_author(pdf_text(association_name()))
        self.set_creator(pdf_text(settings.WAGTAIL_SITE_NAME))
        self.add_page()
        self.set_y(32)
        self.line_text(association_name(), size=11, style="B", color=PRIMARY)
        self.line_text(settings.WAGTAIL_SITE_NAME, size=10, color=MUTED)
        self.ln(16)
        self.line_text(_("Bewijs van deelname"), size=28, style="B", color=PRIMARY)
        self.ln(10)

    def header(self):
        """The frame, on every page (a long leergang can run onto a second one)."""
        self.set_draw_color(*PRIMARY)
        self.set_line_width(0.8)
        self.rect(15, 15, self.w - 30, self.h - 30)
        self.set_line_width(0.2)
        self.rect(18, 18, self.w - 36, self.h - 36)

    def line_text(self, text, *, size=12, style="", color=(27, 27, 27), align="C", gap=2):
        """A paragraph, wrapped to the page width."""
        self.set_font("Helvetica", style=style, size=size)
        self.set_text_color(*color)
        self.multi_cell(
            0,
            size * 0.5,
            pdf_text(text),
            align=align,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        if gap:
            self.ln(gap)

    def facts(self, rows, *, labels="B", gap=4):
        """Label and value, left aligned in two columns."""
        self.ln(gap)
        for label, value in rows:
            self.set_font("Helvetica", style=labels, size=11)
            self.set_text_color(*MUTED)
            self.cell(40, 6.5, pdf_text(label))
            self.set_font("Helvetica", size=11)
            self.set_text_color(27, 27, 27)
            self.multi_cell(0, 6.5, pdf_text(value), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def declaration(self, name, what, title):
        """ "Hierbij verklaart … dat <name> <what> <title>": the opening of every certificate."""
        self.line_text(
            _("Hierbij verklaart de %(association)s dat") % {"association": association_name()}
        )
        self.ln(2)
        self.line_text(name, size=20, style="B")
        self.ln(2)
        self.line_text(what)
        self.ln(2)
        self.line_text(title, size=16, style="B", color=PRIMARY)

    def signed(self):
        self.ln(12)
        issued = date_format(timezone.localtime(), "j F Y")
        self.line_text(
            _("Uitgegeven op %(date)s via %(site)s.")
            % {"date": issued, "site": settings.WAGTAIL_SITE_NAME},
            size=9,
            color=MUTED,
            align="L",
        )

    def as_bytes(self):
        return bytes(self.output())


def event_certificate_pdf(registration, name):
    """The certificate for one attended meeting."""
    event = registration.event
    with translation.override("nl"):
        pdf = _Certificate(_("Bewijs van deelname: %(title)s") % {"title": event.title})
        pdf.declaration(name, _("heeft deelgenomen aan"), event.title)
        pdf.ln(6)
        pdf.facts(
            [
                (_("Datum"), _day(event.start)),
                (_("Tijd"), _time_span(event)),
                (_("Duur"), hours(event.start, event.end)),
                (_("Soort"), event.get_event_type_display()),
                (_("Locatie"), event.place),
                (_("Kenmerk"), f"D-{registration.pk}"),
            ]
        )
        pdf.signed()
        return pdf.as_bytes()


def track_certificate_pdf(track, name, attended, session_count):
    """The certificate of completion of a leergang, with the sessions attended."""
    with translation.override("nl"):
        pdf = _Certificate(_("Bewijs van deelname: %(title)s") % {"title": track.title})
        pdf.declaration(name, _("de leergang"), track.title)
        pdf.ln(2)
        pdf.line_text(
            _("heeft afgerond: %(attended)s van de %(total)s sessies bijgewoond.")
            % {"attended": len(attended), "total": max(session_count, len(attended))}
        )
        pdf.ln(4)
        pdf.line_text(_("Bijgewoonde sessies"), size=12, style="B", align="L", gap=0)
        sessions = [
            (
                date_format(timezone.localtime(r.event.start), "j F Y"),
                # A non-breaking space keeps "(3,5 uur)" on one line.
                f"{r.event.title} ({hours(r.event.start, r.event.end)})".replace(
                    " uur", "\u00a0uur"
                ),
            )
            for r in attended
        ]
        pdf.facts(sessions, labels="", gap=1)
        total = sum(_quarters(registration.event) for registration in attended)
        pdf.facts([(_("Totaal"), _hours_text(total))])
        pdf.signed()
        return pdf.as_bytes()


# --- the downloads --------------------------------------------------------------------------


def _pdf_response(content, filename):
    response = HttpResponse(bytes(content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return private(response)


def _filename(title):
    return f"bewijs-van-deelname-{slugify(anyascii(title))[:60] or 'activiteit'}.pdf"


def _name(user, fallback=""):
    # The name as it is now: someone who corrected a typo gets it right on the certificate.
    return user.get_full_name() or fallback or user.email


@login_required
@require_GET
def event_certificate(request, pk):
    """Only for the person who was there: anyone else gets a 404, as for a missing one."""
    registration = get_object_or_404(
        Registration.objects.attended().select_related("event"), pk=pk, user=request.user
    )
    content = event_certificate_pdf(registration, _name(request.user, registration.name))
    return _pdf_response(content, _filename(registration.event.title))


@login_required
@require_GET
def track_certificate(request, pk):
    track = get_object_or_404(LearningTrackPage, pk=pk)
    if not track.progress_of(request.user).completed:
        raise Http404(_("Je hebt deze leergang (nog) niet afgerond."))
    attended = Registration.objects.attended().filter(
        event__learning_track=track, user=request.user
    )
    content = track_certificate_pdf(
        track,
        _name(request.user),
        list(attended.select_related("event").order_by("event__start", "pk")),
        track.session_pages().count(),
    )
    return _pdf_response(content, _filename(track.title))
