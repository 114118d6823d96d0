"""The demo's vocabulary of themes (Thema), as editors would write it: made once, never
changed by a later load."""

from leerhuis.core.themes import Thema

# (slug, name, short description); the slugs are those of the demo's first tags, so links
# of before keep working.
THEMES = [
    (
        "opgave-sturing",
        "Opgave-sturing",
        "Sturen op maatschappelijke opgaven, over de grenzen van afdelingen en organisaties.",
    ),
    (
        "opdrachtgeverschap",
        "Opdrachtgeverschap",
        "Het opdrachtgevende niveau: mandaat, sturing en de rol van bestuur en directie.",
    ),
    (
        "procesregie",
        "Procesregie",
        "Partijen bij elkaar brengen en een proces gaande houden als niemand alleen beslist.",
    ),
    (
        "samenwerking",
        "Samenwerking",
        "Werken met partners: regio, provincie, maatschappelijke organisaties en inwoners.",
    ),
    (
        "projectmatig-werken",
        "Projectmatig werken",
        "Resultaat, fasering en beheersing: de basis van het vak.",
    ),
    (
        "programmamanagement",
        "Programmamanagement",
        "Een samenhangend geheel van projecten en inspanningen sturen op een doel.",
    ),
    (
        "wyberen",
        "Wyberen",
        "Een methode om met alle betrokkenen te bepalen wat project, proces of programma is.",
    ),
]


def load_themes():
    created = 0
    for slug, name, description in THEMES:
        thema, made = Thema.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        created += made
        # A theme made from an old lower-case tag ("opgave-sturing") gets the name as the
        # editors write it; a name an editor changed since is left alone.
        if not made and thema.name != name and thema.name in (name.lower(), slug):
            Thema.objects.filter(pk=thema.pk).update(name=name)
    return created


def themes(*names):
    """The vocabulary's themes for the names a demo page gives (the first tags' names)."""
    return Thema.objects.named(*names)
