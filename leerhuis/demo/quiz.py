"""The demo's test "Project, proces of programma?" under the kennisbank, written for the
Digitale Leerhuis. `load_quiz(kennisbank)` makes it once (there is at most one quiz) and
links each outcome to the demo begrippen of the same name (leerhuis.demo.begrippen_aanpak).

A question: (question, help, [(answer, project, proces, programma points)]).
"""

from glossary.models import Concept
from leerhuis.knowledge.models import QUIZ_SLUG, QuizBegrip, QuizPage

QUESTIONS = [
    (
        "Staat het resultaat van tevoren vast?",
        "Denk aan wat er aan het eind moet liggen: een gebouw, een besluit, een effect in de stad.",
        [
            ("Ja, we kunnen precies beschrijven wat er af moet zijn.", 3, 0, 0),
            ("Het doel is duidelijk, de weg ernaartoe en de uitkomst nog niet.", 0, 1, 2),
            ("Nee, we moeten met anderen nog uitzoeken wat we willen bereiken.", 0, 3, 0),
        ],
    ),
    (
        "Is de inspanning tijdelijk of structureel?",
        "",
        [
            ("Tijdelijk, met een duidelijke einddatum.", 3, 0, 0),
            ("Tijdelijk, maar voor meerdere jaren en met tussentijdse herijking.", 0, 0, 3),
            ("Het loopt door zolang de samenwerking nodig is.", 0, 2, 1),
        ],
    ),
    (
        "Ligt de verantwoordelijkheid voor de sturing bij meerdere partijen?",
        "Bijvoorbeeld bij de gemeente én woningcorporaties, zorgaanbieders of bewoners.",
        [
            ("Nee, één opdrachtgever beslist.", 3, 0, 0),
            ("Ja, partijen beslissen samen en niemand kan de ander opdrachten geven.", 0, 3, 0),
            ("Eén opdrachtgever houdt de regie, met partners die bijdragen.", 0, 1, 2),
        ],
    ),
    (
        "Is het doel een maatschappelijk effect waarvoor meerdere inspanningen nodig zijn?",
        "Een maatschappelijk effect is een verandering in de samenleving, zoals minder "
        "eenzaamheid of meer betaalbare woningen.",
        [
            ("Nee, het gaat om één concreet resultaat.", 3, 0, 0),
            ("Ja, en daarvoor zijn meerdere projecten en activiteiten nodig.", 0, 0, 3),
            ("Ja, maar eerst moeten de partijen het eens worden over de aanpak.", 0, 3, 1),
        ],
    ),
    (
        "Hoe goed kun je de kosten en de planning vooraf inschatten?",
        "",
        [
            ("Goed: er ligt een begroting en een planning met mijlpalen.", 3, 0, 0),
            ("Globaal: het budget is een kader, de invulling volgt per jaar.", 0, 0, 3),
            ("Nauwelijks: dat hangt af van wat we samen afspreken.", 0, 3, 0),
        ],
    ),
    (
        "Zijn de betrokken partijen het eens over het probleem?",
        "",
        [
            ("Ja, iedereen ziet hetzelfde probleem en dezelfde oplossing.", 2, 0, 1),
            ("Ze zien het probleem, maar kijken er verschillend tegenaan.", 0, 2, 1),
            ("Nee, over het probleem zelf is nog discussie.", 0, 3, 0),
        ],
    ),
    (
        "Wat vraagt de opdrachtgever vooral van wie de inspanning leidt?",
        "",
        [
            ("Dat het afgesproken resultaat op tijd en binnen budget wordt opgeleverd.", 3, 0, 0),
            ("Dat partijen bij elkaar komen en blijven en samen tot afspraken komen.", 0, 3, 0),
            ("Dat samenhang ontstaat tussen inspanningen, gericht op het beoogde effect.", 0, 0, 3),
        ],
    ),
]

OUTCOMES = {
    "project": "<p>Je beschrijft een <b>project</b>: een tijdelijke inspanning met een resultaat "
    "dat je vooraf kunt vastleggen, een eigen budget en een einddatum. Eén opdrachtgever "
    "beslist, een projectleider voert uit. Werk in fasen met beslismomenten en houd tijd, "
    "geld en kwaliteit in de hand.</p>",
    "proces": "<p>Je beschrijft een <b>proces</b>: het resultaat ligt nog niet vast en de "
    "partijen die het samen moeten doen, zijn van elkaar afhankelijk. Hier helpt procesregie: "
    "een zorgvuldig ontworpen samenwerking, afspraken over hoe je besluiten neemt, en ruimte "
    "om het doel onderweg samen scherper te maken.</p>",
    "programma": "<p>Je beschrijft een <b>programma</b>: een maatschappelijk doel dat je "
    "alleen bereikt met meerdere samenhangende inspanningen. Een programma stuurt op het "
    "beoogde effect, kiest en herijkt de projecten en processen die eraan bijdragen en houdt "
    "de samenhang vast, vaak over meerdere jaren.</p>",
}

DIFFERENCE = (
    "<p>Een <b>project</b> levert een vooraf bepaald resultaat op; je stuurt op tijd, geld "
    "en kwaliteit. Een <b>proces</b> brengt partijen samen die elkaar nodig hebben; je stuurt "
    "op de samenwerking en de afspraken, want het resultaat ontstaat onderweg. Een "
    "<b>programma</b> bundelt projecten, processen en lopend werk rond één maatschappelijk "
    "effect; je stuurt op samenhang en op wat het in de samenleving oplevert.</p>"
    "<p>In de praktijk lopen ze in elkaar over: een programma bevat projecten, en een project "
    "kan beginnen als proces. De test helpt je kiezen waar je nu het zwaartepunt legt.</p>"
)


def _question(question, help_text, answers):
    return {
        "type": "question",
        "value": {
            "question": question,
            "help": help_text,
            "answers": [
                {"text": text, "project": project, "proces": proces, "programma": programma}
                for text, project, proces, programma in answers
            ],
        },
    }


def load_quiz(kennisbank) -> int:
    """The quiz under `kennisbank` when there is none yet; the number of pages made."""
    if kennisbank is None or QuizPage.objects.exists():
        return 0
    page = QuizPage(
        title="Project, proces of programma?",
        slug=QUIZ_SLUG,
        intro="Zeven vragen over je opgave. Aan het eind zie je welke aanpak het best past: "
        "een project, een proces of een programma, en waarom.",
        questions=[_question(*question) for question in QUESTIONS],
        project_text=OUTCOMES["project"],
        proces_text=OUTCOMES["proces"],
        programma_text=OUTCOMES["programma"],
        difference=DIFFERENCE,
    )
    by_slug = {c.slug: c for c in Concept.objects.filter(slug__in=OUTCOMES)}
    page.begrippen = [
        QuizBegrip(outcome=outcome, concept=by_slug[outcome])
        for outcome in OUTCOMES
        if outcome in by_slug
    ]
    kennisbank.add_child(instance=page)
    page.save_revision().publish()
    return 1
