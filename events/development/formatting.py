"""How the record writes hours and points, the same on the page, in the PDF and the CSV:
Dutch numbers (a decimal comma, no trailing zeros) with their unit, so "5,5 uur" and
"3 PE-punten (IPMA)" never come out as "5.50" anywhere."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def number_text(value):
    """5.50 → "5,5", 6.00 → "6", 0.75 → "0,75"."""
    value = Decimal(value or 0).quantize(Decimal("0.01"))
    places = max(0, -value.normalize().as_tuple().exponent)
    return number_format(value, places)


def hours_text(hours):
    """Decimal("5.5") → "5,5 uur"."""
    return _("%(hours)s uur") % {"hours": number_text(hours)}


def points_text(scheme, points):
    """(IPMA, 3) → "3 PE-punten (IPMA)"; with a category "3 PDU (PMI – Leadership)"."""
    return _("%(points)s %(unit)s (%(scheme)s)") % {
        "points": number_text(points),
        "unit": scheme.unit,
        "scheme": scheme,
    }
