"""Scoring the test "Project, proces of programma?" from the answers in the URL.

The form is a GET form with one radio group per question (`v1`, `v2`, …, answers `a`–`d`),
plus `uitslag=1` so that a form sent with nothing chosen is recognised as sent. Whatever
arrives is checked by a Django form: a missing, unknown or hand-edited answer becomes a
Dutch message beside the question, never an error page. A result is worked out only from
a complete, valid set of answers, so the same URL always gives the same result.

A tie is a result of its own ("tussen project en programma"): the test then says so
rather than pick one for the visitor.
"""

from dataclasses import dataclass

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from glossary.models import Concept
from leerhuis.knowledge.models import Outcome

LETTERS = "abcd"
SENT = "uitslag"


def field_name(number):
    return f"v{number}"


class QuizForm(forms.Form):
    """One required radio group per question of `questions` (the page's StreamField)."""

    def __init__(self, questions, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_%s")
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for number, question in enumerate(self.questions, start=1):
            answers = question["answers"]
            self.fields[field_name(number)] = forms.ChoiceField(
                label=format_lazy(_("Vraag {number}"), number=number),
                choices=[(LETTERS[i], answer["text"]) for i, answer in enumerate(answers)],
                widget=forms.RadioSelect,
                help_text=question["help"],
                error_messages={
                    # The error summary shows these alone: they name the question.
                    "required": format_lazy(
                        _("Kies een antwoord op vraag {number}."), number=number
                    ),
                    "invalid_choice": format_lazy(
                        _(
                            "Dit antwoord hoort niet bij vraag {number}; "
                            "kies een van de antwoorden."
                        ),
                        number=number,
                    ),
                },
            )

    def rows(self):
        """(question text, bound field) per question, in order, for the template."""
        return [
            (question["question"], self[field_name(number)])
            for number, question in enumerate(self.questions, start=1)
        ]


@dataclass(frozen=True)
class Result:
    scores: dict  # outcome value → points, in Outcome order
    winners: tuple  # the outcome values with the highest score; more than one is a tie

    @property
    def is_tie(self):
        return len(self.winners) > 1

    @property
    def label(self):
        names = [str(Outcome(value).label) for value in self.winners]
        if len(names) == 1:
            return names[0]
        listed = ", ".join(names[:-1])
        return _t("tussen %(first)s en %(last)s") % {"first": listed, "last": names[-1]}

    def score_rows(self):
        return [(Outcome(value).label, points) for value, points in self.scores.items()]


def score(questions, chosen):
    """The Result of `chosen` ({field name: letter}, all valid) for `questions`."""
    scores = {outcome.value: 0 for outcome in Outcome}
    for number, question in enumerate(questions, start=1):
        answer = question["answers"][LETTERS.index(chosen[field_name(number)])]
        for outcome in scores:
            scores[outcome] += answer[outcome] or 0
    top = max(scores.values())
    return Result(scores, tuple(o for o, points in scores.items() if points == top))


class QuizVisit:
    """What the quiz page shows for one request: the form and, once complete, the result."""

    def __init__(self, page, query):
        self.page = page
        questions = [block.value for block in page.questions]
        names = {field_name(n) for n in range(1, len(questions) + 1)}
        sent = SENT in query or any(name in query for name in names)
        self.form = QuizForm(questions, data=query if sent else None)
        self.result = score(questions, self.form.cleaned_data) if self.form.is_valid() else None

    def explanations(self):
        return [(Outcome(o).label, self.page.outcome_text(o)) for o in self.result.winners]

    def begrippen(self):
        """The begrippen linked to the outcome(s), the winners' first; only those in use."""
        rows = list(self.page.begrippen.all())
        in_use = Concept.objects.in_use().filter(pk__in=[row.concept_id for row in rows])
        by_pk = {concept.pk: concept for concept in in_use}
        first = self.result.winners if self.result else ()
        ordered = sorted(rows, key=lambda row: (row.outcome not in first, row.sort_order or 0))
        concepts = []
        for row in ordered:
            concept = by_pk.get(row.concept_id)
            if concept is not None and concept not in concepts:
                concepts.append(concept)
        return concepts
