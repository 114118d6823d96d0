"""The register of what the Leerhuis stores about people: one list, read by /privacy/, by
docs/verwerkingsregister.md's test and by the end-to-end AVG test.

It is plain data with the periods read from the settings at the moment it is shown, so the
privacy page cannot promise one period while `manage.py apply_retention` applies another:
change EVENTS_ANSWERS_RETENTION_DAYS and the page says the new number. It lives in core
(which may import only members/ and the settings) and names the data of higher floors in
words only; each app's own export and retention code keeps the knowledge of its models.

`export_keys` name the parts of "download mijn gegevens" (members.privacy.export_data) that
hold the category, so a test can check that the download covers every category the register
lists; `export_note` says why a category is not in the download, or what of it is left out.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# AVG article 6(1) grounds, as the page names them.
AGREEMENT = _("uitvoering van de overeenkomst (art. 6 lid 1 sub b AVG)")
CONSENT = _("toestemming (art. 6 lid 1 sub a AVG)")
EXPLICIT_CONSENT = _(
    "uitdrukkelijke toestemming (art. 6 lid 1 sub a en art. 9 lid 2 sub a AVG): het kan om "
    "gezondheid of geloof gaan"
)
LEGITIMATE_INTEREST = _("gerechtvaardigd belang (art. 6 lid 1 sub f AVG)")


def days(n):
    return ngettext("%(n)d dag", "%(n)d dagen", n) % {"n": n}


# Settings kept in seconds (Django's own); the rest are in days.
IN_SECONDS = {"SESSION_COOKIE_AGE", "SESSION_ABSOLUTE_TIMEOUT"}


def period(name):
    """A setting as Dutch text: whole days, or hours below a day (a login's 12 hours)."""
    value = getattr(settings, name)
    if name not in IN_SECONDS:
        return days(value)
    if value % 86400:
        hours = round(value / 3600)
        return ngettext("%(n)d uur", "%(n)d uur", hours) % {"n": hours}
    return days(value // 86400)


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    data: str
    purpose: str
    basis: str
    who: str
    # A template with %(…)s placeholders for the settings in `settings_used`, in days.
    retention_text: str
    settings_used: tuple = ()
    export_keys: tuple = ()
    export_note: str = ""

    @property
    def retention(self):
        values = {name: period(name) for name in self.settings_used}
        return str(self.retention_text) % values


UNTIL_DELETED = _("Zolang je account bestaat; je kunt het zelf verwijderen in Mijn Leerhuis.")

CATEGORIES = (
    Category(
        key="account",
        name=_("Account"),
        data=_(
            "Naam, e-mailadres(sen), wachtwoord (alleen versleuteld), functie, introductie, "
            "instellingen voor tweestapsverificatie, wanneer je je aanmeldde en laatst inlogde."
        ),
        purpose=_("Inloggen, je herkennen en je berichten sturen over je account."),
        basis=AGREEMENT,
        who=_("Jij; medewerkers van de vereniging die accounts beheren."),
        retention_text=UNTIL_DELETED,
        export_keys=("account", "e-mailadressen", "tweestapsverificatie"),
    ),
    Category(
        key="organisatie",
        name=_("Organisatie en lidmaatschap"),
        data=_(
            "Je organisatie, het domein van je e-mailadres, hoe en wanneer de koppeling tot "
            "stand kwam, en of je organisatie lid is."
        ),
        purpose=_("Bepalen of je de voordelen van het lidmaatschap hebt (toegang, prijs)."),
        basis=AGREEMENT,
        who=_("Jij; medewerkers die lidmaatschappen beheren."),
        retention_text=UNTIL_DELETED,
        export_keys=("organisatie", "lidmaatschap", "geschiedenis_organisatie"),
    ),
    Category(
        key="aanmeldingen",
        name=_("Aanmeldingen voor activiteiten"),
        data=_(
            "Naam, e-mailadres, organisatie, status, prijs en grond, factuurgegevens, of je "
            "op de deelnemerslijst wilt, en het adres van je persoonlijke agenda."
        ),
        purpose=_("Activiteiten organiseren, de plaatsen verdelen en niet-leden factureren."),
        basis=AGREEMENT,
        who=_(
            "Jij; de organisatoren van de activiteit; andere deelnemers zien je naam alleen "
            "als je toestemming gaf voor de deelnemerslijst."
        ),
        retention_text=_(
            "Zolang je account bestaat. Verwijder je het, dan blijft de aanmelding zonder "
            "naam en e-mailadres bestaan voor de aantallen, en stopt je agenda-adres."
        ),
        export_keys=("aanmeldingen", "agenda_link"),
    ),
    Category(
        key="antwoorden",
        name=_("Dieetwensen en toegankelijkheid"),
        data=_("Wat je opgeeft over dieetwensen en toegankelijkheidsbehoeften (niet verplicht)."),
        purpose=_("Rekening met je houden bij eten, zaal en programma."),
        basis=EXPLICIT_CONSENT,
        who=_("Jij; de organisatoren van de activiteit."),
        retention_text=_("Tot %(EVENTS_ANSWERS_RETENTION_DAYS)s na afloop van de activiteit."),
        settings_used=("EVENTS_ANSWERS_RETENTION_DAYS",),
        export_keys=("aanmeldingen",),
    ),
    Category(
        key="aanwezigheid",
        name=_("Aanwezigheid"),
        data=_("Of en wanneer je bij een activiteit aanwezig bent gemeld."),
        purpose=_("Bewijs van deelname en je ontwikkeloverzicht."),
        basis=AGREEMENT,
        who=_("Jij; de organisatoren van de activiteit."),
        retention_text=UNTIL_DELETED,
        export_keys=("aanmeldingen", "ontwikkeling"),
    ),
    Category(
        key="ontwikkeling",
        name=_("Ontwikkeloverzicht"),
        data=_("Uren en punten per jaar, wat je elders leerde met je bewijsstukken, en je doelen."),
        purpose=_("Je eigen overzicht van je professionele ontwikkeling, met verklaringen."),
        basis=AGREEMENT,
        who=_("Jij; wie de controlecode van een verklaring krijgt, ziet alleen die ene regel."),
        retention_text=_("Zolang je account bestaat; regels en bewijsstukken wis je zelf."),
        export_keys=("ontwikkeling",),
    ),
    Category(
        key="gesprekken",
        name=_("Gesprekken, groepen en meldingen"),
        data=_(
            "Wat je schrijft in gesprekken, de groepen waar je lid van bent, en meldingen "
            "die je doet over berichten."
        ),
        purpose=_("Kennis delen tussen leden en de gesprekken fatsoenlijk houden."),
        basis=AGREEMENT,
        who=_("Wie het gesprek of de groep mag zien; moderatoren zien meldingen."),
        retention_text=_(
            "Zolang je account bestaat. Verwijder je het, dan blijven je berichten zonder je "
            "naam staan, zodat gesprekken leesbaar blijven; open meldingen vervallen."
        ),
        export_keys=("gesprekken", "groepen", "meldingen"),
    ),
    Category(
        key="volgen",
        name=_("Volgen en de weekmail"),
        data=_("Welke gesprekken, thema's en groepen je volgt, en of je de weekmail krijgt."),
        purpose=_("Je berichten sturen over wat je volgt."),
        basis=CONSENT,
        who=_("Jij."),
        retention_text=_("Tot je stopt met volgen of je account verwijdert."),
        export_keys=("volgen", "weekmail"),
    ),
    Category(
        key="praktijkcasussen",
        name=_("Praktijkcasussen"),
        data=_("De casussen die je indient, met hun stand en de opmerkingen van de redactie."),
        purpose=_("Ervaringen van leden publiceren in de kennisbank."),
        basis=AGREEMENT,
        who=_(
            "Jij en de redactie; na publicatie iedereen die de kennisbank leest, met je naam "
            "als je daarvoor koos."
        ),
        retention_text=_(
            "Niet gepubliceerde casussen: tot je account verdwijnt. Gepubliceerde casussen "
            "blijven in de kennisbank, zonder je naam."
        ),
        export_keys=("praktijkcasussen",),
    ),
    Category(
        key="begripvoorstellen",
        name=_("Voorstellen voor begrippen"),
        data=_("De begrippen en wijzigingen die je voorstelt, en het besluit erover."),
        purpose=_("Het begrippenkader samen bijhouden."),
        basis=AGREEMENT,
        who=_("Jij en de redactie."),
        retention_text=_(
            "Open voorstellen: tot je account verdwijnt. Besliste voorstellen blijven als "
            "geschiedenis van het begrippenkader, zonder je naam."
        ),
        export_keys=("begripvoorstellen",),
    ),
    Category(
        key="uitnodigingen",
        name=_("Uitnodigingen"),
        data=_(
            "Het e-mailadres van een collega die je uitnodigt om je plaats over te nemen, of "
            "van iemand die een groepsbeheerder uitnodigt voor een groep."
        ),
        purpose=_("De uitnodiging bezorgen en laten aannemen."),
        basis=LEGITIMATE_INTEREST,
        who=_("Wie uitnodigde, de uitgenodigde, de organisatoren of groepsbeheerders."),
        retention_text=_("%(INVITATION_RETENTION_DAYS)s nadat de uitnodiging verliep."),
        settings_used=("INVITATION_RETENTION_DAYS",),
        export_note=_(
            "Niet in de download: het adres is van de uitgenodigde, niet van jou; de "
            "aanmelding zelf staat er wel in."
        ),
    ),
    Category(
        key="personen",
        name=_("Sprekers, bestuur en contactpersonen"),
        data=_("Naam, rol, organisatie, foto en een korte beschrijving; vaak zonder account."),
        purpose=_("Laten zien wie spreekt, wie het bestuur vormt en wie je kunt benaderen."),
        basis=LEGITIMATE_INTEREST,
        who=_("Iedereen die de pagina van de activiteit of het bestuur mag zien."),
        retention_text=_(
            "Zolang de persoon die rol heeft of bij een activiteit genoemd wordt; op verzoek "
            "haalt de redactie gegevens eerder weg."
        ),
        export_note=_(
            "Niet in de download van een account: vraag het de redactie via het privacyadres."
        ),
    ),
    Category(
        key="sessies",
        name=_("Sessies en apparaten"),
        data=_("IP-adres, browser, wanneer je inlogde en wanneer je laatst actief was."),
        purpose=_(
            "Je ingelogd houden, en je laten zien waar je bent ingelogd zodat je andere "
            "sessies kunt beëindigen."
        ),
        basis=LEGITIMATE_INTEREST,
        who=_("Jij."),
        retention_text=_(
            "Tot je uitlogt of de sessie verloopt: %(SESSION_COOKIE_AGE)s na je laatste "
            "bezoek, en inloggen blijft nooit langer dan %(SESSION_ABSOLUTE_TIMEOUT)s geldig; "
            "verlopen sessies verwijderen we elke nacht."
        ),
        settings_used=("SESSION_COOKIE_AGE", "SESSION_ABSOLUTE_TIMEOUT"),
        export_keys=("sessies",),
    ),
    Category(
        key="e-mails",
        name=_("Verstuurde e-mails"),
        data=_("De e-mails die de site je stuurt: aan wie, onderwerp, tekst, wanneer."),
        purpose=_("Een e-mail precies één keer versturen, ook na een storing."),
        basis=AGREEMENT,
        who=_("Medewerkers die de technische werking bewaken."),
        retention_text=_(
            "%(OUTBOX_RETENTION_DAYS)s na het versturen; een e-mail die niet verstuurd kon "
            "worden %(OUTBOX_RETENTION_DAYS)s nadat hij klaarstond."
        ),
        settings_used=("OUTBOX_RETENTION_DAYS",),
        export_keys=("e-mails",),
        export_note=_(
            "In de download staan aan wie, het onderwerp en wanneer; de tekst niet, want een "
            "link daarin kan nog werken als sleutel tot je account."
        ),
    ),
    Category(
        key="logboek",
        name=_("Inzage- en beheerlogboek"),
        data=_(
            "Welke medewerker wanneer gegevens van deelnemers bekeek, exporteerde of mailde, "
            "en wat er met een aanmelding gebeurde (aanwezig gemeld, plaats gekregen)."
        ),
        purpose=_("Kunnen verantwoorden wie welke persoonsgegevens zag of wijzigde."),
        basis=LEGITIMATE_INTEREST,
        who=_("Beheerders van de vereniging."),
        retention_text=_("%(AUDIT_LOG_RETENTION_DAYS)s."),
        settings_used=("AUDIT_LOG_RETENTION_DAYS",),
        export_note=_(
            "Niet in de download: het logboek noemt medewerkers. Op verzoek zoeken we op wat "
            "over jou is vastgelegd."
        ),
    ),
    Category(
        key="beveiliging",
        name=_("Beveiligingslogboek"),
        data=_(
            "Inlogpogingen, geweigerde verzoeken en bereikte limieten, met IP-adres en een "
            "deels verborgen e-mailadres; nooit wachtwoorden of codes."
        ),
        purpose=_("Misbruik opmerken en onderzoeken."),
        basis=LEGITIMATE_INTEREST,
        who=_("Beheerders van de vereniging en de hostingpartij."),
        retention_text=_("%(SECURITY_LOG_RETENTION_DAYS)s."),
        settings_used=("SECURITY_LOG_RETENTION_DAYS",),
        export_note=_(
            "Niet in de download: het staat in de serverlog, niet per persoon. Op verzoek "
            "zoeken we op wat over jou is vastgelegd."
        ),
    ),
    Category(
        key="back-ups",
        name=_("Back-ups"),
        data=_("Een kopie van alle gegevens hierboven."),
        purpose=_("De site kunnen herstellen na een storing of fout."),
        basis=LEGITIMATE_INTEREST,
        who=_("Beheerders van de vereniging en de hostingpartij."),
        retention_text=_(
            "%(BACKUP_RETENTION_DAYS)s; wat je verwijdert, verdwijnt dus uiterlijk zo lang "
            "daarna ook uit de back-ups."
        ),
        settings_used=("BACKUP_RETENTION_DAYS",),
        export_note=_("Niet in de download: een back-up is een kopie van de gegevens hierboven."),
    ),
)


def categories():
    return CATEGORIES


def retention_settings():
    """Every setting the register reads, for the test that each one exists."""
    return sorted({name for c in CATEGORIES for name in c.settings_used})


def markdown():
    """The register as the table of docs/verwerkingsregister.md (`manage.py
    privacy_register` prints it; tests/trust/test_docs.py checks the file holds it)."""
    with translation.override("nl"):
        rows = [
            "| categorie | gegevens | doel | grondslag | bewaartermijn | wie ziet ze |",
            "|---|---|---|---|---|---|",
        ]
        for c in CATEGORIES:
            cells = (c.name, c.data, c.purpose, c.basis, c.retention, c.who)
            rows.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(rows) + "\n"
