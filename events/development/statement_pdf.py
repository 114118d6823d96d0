"""The yearly statement as PDF: who, which organisation, every line of the record with its
hours, points and verification code, the totals and the goal.

Built like the certificates (events/certificates.py: fpdf2 with the built-in Helvetica,
Windows-1252 text through pdf_text), but as a document to hand over rather than a frame to
hang up: a plain A4 page with a table that fpdf2 continues on further pages with its heading
repeated. Every page's footer says where a code is checked, so a single page printed on its
own still tells the reader how to verify it.
"""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from events.certificates import ENCODING, MUTED, PRIMARY, pdf_text
from leerhuis.core.association import association_name

from .formatting import hours_text, points_text

TEXT = (27, 27, 27)
LIGHT = (232, 238, 245)
# Datum, activiteit, organisator, uren, punten, verificatie: 180 mm between the margins.
# The last column holds a code of up to 16 characters on one line: a code broken over two
# lines is one an assessor types wrong.
COLUMNS = (19, 43, 36, 15, 31, 36)


class _Statement(FPDF):
    def __init__(self, title, check_hint):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.core_fonts_encoding = ENCODING
        self.check_hint = check_hint
        self.set_margins(15, 18, 15)
        self.set_auto_page_break(True, margin=22)
        self.set_lang("nl")
        self.set_title(pdf_text(title))
        self.set_author(pdf_text(association_name()))
        self.set_creator(pdf_text(settings.WAGTAIL_SITE_NAME))
        self.add_page()

    def footer(self):
        """Where codes are checked, and the page number, on every page."""
        self.set_y(-16)
        self.set_font("Helvetica", size=7.5)
        self.set_text_color(*MUTED)
        self.multi_cell(0, 3.5, pdf_text(self.check_hint), align="L")
        self.set_y(-9)
        self.cell(
            0,
            4,
            pdf_text(
                _("Pagina %(page)s van %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}
            ),
            align="R",
        )

    def paragraph(self, text, *, size=10, style="", color=TEXT, gap=1.5):
        self.set_font("Helvetica", style=style, size=size)
        self.set_text_color(*color)
        self.multi_cell(
            0, size * 0.5, pdf_text(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        if gap:
            self.ln(gap)

    def facts(self, rows):
        for label, value in rows:
            self.set_font("Helvetica", style="B", size=10)
            self.set_text_color(*MUTED)
            self.cell(32, 5.5, pdf_text(label))
            self.set_font("Helvetica", size=10)
            self.set_text_color(*TEXT)
            self.multi_cell(0, 5.5, pdf_text(value), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def lines_table(self, rows):
        """The record's lines; fpdf2 repeats the heading row on every page it runs onto."""
        self.set_font("Helvetica", size=8.5)
        self.set_text_color(*TEXT)
        self.set_draw_color(*MUTED)
        headings = [
            _("Datum"),
            _("Activiteit"),
            _("Organisator"),
            _("Uren"),
            _("Punten"),
            _("Verificatie"),
        ]
        with self.table(
            col_widths=COLUMNS,
            width=sum(COLUMNS),
            text_align="LEFT",
            line_height=4.2,
            padding=1.2,
            borders_layout="HORIZONTAL_LINES",
            headings_style=FontFace(emphasis="BOLD", color=PRIMARY, fill_color=LIGHT),
        ) as table:
            heading = table.row()
            for text in headings:
                heading.cell(pdf_text(text))
            for cells in rows:
                row = table.row()
                for text in cells:
                    row.cell(pdf_text(text))

    def as_bytes(self):
        return bytes(self.output())


def _line_cells(line):
    activity = line.title
    if line.track:
        activity += "\n" + _("Leergang: %(track)s") % {"track": line.track}
    points = "\n".join(points_text(scheme, value) for scheme, value in line.points) or "–"
    check = line.code if line.is_leerhuis else _("eigen opgave")
    return [
        date_format(line.date, "d-m-Y"),
        activity,
        line.organiser,
        hours_text(line.hours),
        points,
        check,
    ]


def _goal_rows(record):
    """The goal's figures beside what was done: [(label, text)]."""
    rows = []
    hours, points = record.hours_progress, record.points_progress
    if hours:
        rows.append((_("Studie-uren"), _progress(hours_text(hours.goal), hours_text(hours.done))))
    if points:
        scheme = record.goal.scheme
        rows.append(
            (
                _("Punten"),
                _progress(points_text(scheme, points.goal), points_text(scheme, points.done)),
            )
        )
    return rows


def _progress(goal, done):
    return _("%(goal)s; tot nu toe %(done)s") % {"goal": goal, "done": done}


def statement_pdf(record, *, name, organisation, check_address):
    """The statement of `record` (a YearRecord) for the person called `name`.
    `check_address` says where a code is checked: ".../bewijs/<code>/"."""
    with translation.override("nl"):
        title = _("Overzicht professionele ontwikkeling %(year)s") % {"year": record.year}
        check_hint = _(
            "Elke verificatiecode op dit overzicht is te controleren op %(url)s. Regels met "
            "'eigen opgave' heeft de deelnemer zelf vastgelegd; die bevestigt de %(association)s "
            "niet."
        ) % {"url": check_address, "association": association_name()}
        pdf = _Statement(title, check_hint)
        pdf.alias_nb_pages()
        pdf.paragraph(association_name(), size=10, style="B", color=PRIMARY, gap=0)
        pdf.paragraph(settings.WAGTAIL_SITE_NAME, size=9, color=MUTED, gap=6)
        pdf.paragraph(title, size=18, style="B", color=PRIMARY, gap=4)
        facts = [(_("Naam"), name)]
        if organisation:
            facts.append((_("Organisatie"), organisation))
        facts.append((_("Jaar"), str(record.year)))
        facts.append((_("Uitgegeven op"), date_format(timezone.localdate(), "j F Y")))
        pdf.facts(facts)
        pdf.ln(5)

        if not record.lines:
            pdf.paragraph(
                _("Voor %(year)s is (nog) geen leeractiviteit vastgelegd.") % {"year": record.year}
            )
        else:
            pdf.lines_table([_line_cells(line) for line in record.lines])
            pdf.ln(5)
            pdf.paragraph(_("Totaal"), size=11, style="B", color=PRIMARY, gap=1)
            totals = [(_("Studie-uren"), hours_text(record.total_hours))]
            # "Punten" once, with a row per scheme below it.
            totals += [
                (_("Punten") if i == 0 else "", points_text(scheme, total))
                for i, (scheme, total) in enumerate(record.points_by_scheme)
            ]
            pdf.facts(totals)

        goal = _goal_rows(record)
        if goal:
            pdf.ln(4)
            pdf.paragraph(
                _("Doel voor %(year)s") % {"year": record.year},
                size=11,
                style="B",
                color=PRIMARY,
                gap=1,
            )
            pdf.facts(goal)

        pdf.ln(4)
        pdf.paragraph(
            _(
                "Bijeenkomsten van de %(association)s tellen mee wanneer de deelnemer bij "
                "binnenkomst is geregistreerd. Bij elke bijeenkomst staat een verificatiecode; "
                "de %(association)s bevestigt die regel op %(url)s."
            )
            % {"association": association_name(), "url": check_address},
            size=8.5,
            color=MUTED,
        )
        return pdf.as_bytes()
