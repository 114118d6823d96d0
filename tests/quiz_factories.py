"""The test "Project, proces of programma?" for tests: three questions whose answers are
scored so that each outcome and a tie can be reached (see ANSWERS)."""

from leerhuis.knowledge.models import QUIZ_SLUG, QuizBegrip, QuizPage
from tests.knowledge_factories import kennisbank_page


def answer(text, project=0, proces=0, programma=0):
    return {"text": text, "project": project, "proces": proces, "programma": programma}


QUESTIONS = [
    (
        "Staat het resultaat vooraf vast?",
        "Denk aan wat er aan het eind ligt.",
        [
            answer("Ja, helemaal", project=2),
            answer("Nee, dat zoeken we samen uit", proces=2),
            answer("Het effect wel, de weg niet", programma=2),
        ],
    ),
    (
        "Is de inspanning tijdelijk?",
        "",
        [
            answer("Ja, met een einddatum", project=1),
            answer("Zolang de samenwerking nodig is", proces=1),
            answer("Meerdere jaren", programma=1),
        ],
    ),
    (
        "Zijn er meerdere inspanningen nodig?",
        "",
        [answer("Ja, meerdere", programma=1), answer("Dat weten we nog niet", proces=1)],
    ),
]

# Answers (v1, v2, v3) that lead to each result.
ANSWERS = {
    "project": ("a", "a", "b"),  # project 3, proces 1
    "proces": ("b", "b", "b"),  # proces 4
    "programma": ("c", "c", "a"),  # programma 4
    "tie": ("a", "c", "a"),  # project 2, programma 2
}


def query(answers):
    return "?uitslag=1&" + "&".join(f"v{n}={a}" for n, a in enumerate(answers, start=1))


def quiz_page(begrippen=(), **fields):
    """The live quiz under the kennisbank; `begrippen` as (outcome, concept) pairs."""
    page = QuizPage(
        title="Project, proces of programma?",
        slug=QUIZ_SLUG,
        intro="Drie vragen over je opgave.",
        questions=[
            {
                "type": "question",
                "value": {"question": question, "help": help_text, "answers": answers},
            }
            for question, help_text, answers in QUESTIONS
        ],
        project_text="<p>Uitleg over het project.</p>",
        proces_text="<p>Uitleg over het proces.</p>",
        programma_text="<p>Uitleg over het programma.</p>",
        difference="<p>Het verschil in een notendop.</p>",
        **fields,
    )
    page.begrippen = [QuizBegrip(outcome=o, concept=c) for o, c in begrippen]
    kennisbank_page().add_child(instance=page)
    page.save_revision().publish()
    return page
