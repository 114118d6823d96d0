"""How the site writes study hours and points: "5,5 uur", "3 PE-punten (IPMA)".

One home for the wording, so the meeting page, the calendar card, the record, the PDF
statement, the exports and the admin report never disagree on a figure. Numbers follow the
active language's format (a decimal comma in Dutch) with no more decimals than the figure
needs: hours are kept to the quarter and points to the hundredth.
"""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def number_text(value):
    """A figure without trailing zeros: 5.50 → "5,5", 0.75 → "0,75", 8.00 → "8"."""
    value = Decimal(value or 0).quantize(Decimal("0.01"))
    places = next(places for places in (0, 1, 2) if value == round(value, places))
    return number_format(value, places)


def hours_text(hours):
    """ "5,5 uur", "1 uur"."""
    hours = Decimal(hours or 0)
    # ngettext wants a count: anything but exactly one reads as a plural.
    count = 1 if hours == 1 else 2
    return ngettext("%(hours)s uur", "%(hours)s uur", count) % {"hours": number_text(hours)}


def points_text(scheme, points):
    """ "3 PE-punten (IPMA)", "3 PDU (PMI – Leadership)": the figure, the scheme's unit,
    and the scheme (with its category) that awards them."""
    return _("%(points)s %(unit)s (%(scheme)s)") % {
        "points": number_text(points),
        "unit": scheme.unit,
        "scheme": scheme,
    }
