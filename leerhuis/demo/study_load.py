"""The demo's accreditation schemes: IPMA's PE-punten and PMI's PDU's in the three parts of
PMI's Talent Triangle, as project managers at municipalities renew their certificates.

Made before the meetings, which name them in their specs (leerhuis.demo.meetings) and get
their accreditations with the meeting, once (leerhuis.demo.events). A scheme is matched by
name and category, so a second load makes none twice and never overwrites an editor's
change to one.
"""

from events.models import AccreditationScheme

IPMA = ("IPMA", "")
PMI_WAYS = ("PMI", "Ways of Working")
PMI_POWER = ("PMI", "Power Skills")
PMI_BUSINESS = ("PMI", "Business Acumen")

SCHEMES = {
    IPMA: (
        "PE-punten",
        "Permanente educatie voor wie IPMA-gecertificeerd is: punten voor leren dat bij "
        "hercertificering meetelt, per activiteit erkend (een dag telt als een hele dag).",
        "https://www.ipma.world",
    ),
    PMI_WAYS: (
        "PDU",
        "Professional Development Units voor PMP en PgMP: methoden en manieren van werken.",
        "https://www.pmi.org",
    ),
    PMI_POWER: (
        "PDU",
        "Professional Development Units voor PMP en PgMP: leiderschap, samenwerken en "
        "communiceren.",
        "https://www.pmi.org",
    ),
    PMI_BUSINESS: (
        "PDU",
        "Professional Development Units voor PMP en PgMP: strategie en de organisatie.",
        "https://www.pmi.org",
    ),
}

# Programme parts that are no learning: the default study hours leave them out.
BREAKS = {"Lunch", "Pauze"}


def load_schemes() -> int:
    """The schemes that are missing; the number made."""
    made = 0
    for (name, category), (unit, description, url) in SCHEMES.items():
        _scheme, created = AccreditationScheme.objects.get_or_create(
            name=name,
            category=category,
            defaults={"unit": unit, "description": description, "url": url},
        )
        made += created
    return made


def schemes_by_key():
    return {(s.name, s.category): s for s in AccreditationScheme.objects.all()}
