"""The test "Project, proces of programma?": scored from the answers in the URL, a tie
said as one, missing or hand-edited answers answered in Dutch, and the one page that may
take the reserved address /kennisbank/doe-de-test/."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from leerhuis.core.models import HomePage, StandardPage
from leerhuis.demo.quiz import QUESTIONS as DEMO_QUESTIONS
from leerhuis.demo.quiz import load_quiz
from leerhuis.knowledge.models import ArticlePage, CasePage, KnowledgeIndexPage, QuizPage
from leerhuis.knowledge.quiz import Result
from tests.glossary_factories import begrip
from tests.knowledge_factories import kennisbank_page
from tests.quiz_factories import ANSWERS, query, quiz_page

pytestmark = pytest.mark.django_db

URL = "/kennisbank/doe-de-test/"


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("answers", "heading", "scores"),
    [
        (
            "project",
            "Jouw uitslag: project",
            ("Project</dt><dd>3 punten", "Proces</dt><dd>1 punt<"),
        ),
        ("proces", "Jouw uitslag: proces", ("Proces</dt><dd>4 punten", "Project</dt><dd>0 punten")),
        ("programma", "Jouw uitslag: programma", ("Programma</dt><dd>4 punten",)),
    ],
)
def test_the_answers_decide_the_outcome_and_the_scores_are_shown(client, answers, heading, scores):
    quiz_page()
    html = html_of(client, URL + query(ANSWERS[answers]))
    assert heading in html
    for score in scores:
        assert score in html
    assert f"Uitleg over het {answers}." in html
    assert "Het verschil in een notendop." in html


def test_a_tie_is_said_as_such_and_both_explanations_are_shown(client):
    quiz_page()
    html = html_of(client, URL + query(ANSWERS["tie"]))
    assert "Jouw uitslag: tussen project en programma" in html
    assert "Uitleg over het project." in html
    assert "Uitleg over het programma." in html
    assert "Uitleg over het proces." not in html


def test_a_tie_of_all_three_names_all_three():
    result = Result({"project": 2, "proces": 2, "programma": 2}, ("project", "proces", "programma"))
    assert result.label == "tussen project, proces en programma"


def test_a_shared_address_shows_the_same_result_to_someone_else(client, django_user_model):
    quiz_page()
    url = URL + query(ANSWERS["programma"])
    first = html_of(client, url)
    other = client.__class__()
    again = html_of(other, url)
    assert "Jouw uitslag: programma" in first
    assert "Jouw uitslag: programma" in again
    assert 'href="' + url.replace("&", "&amp;") + '"' in again  # the link to share


def test_the_quiz_without_answers_asks_the_questions_without_complaining(client):
    quiz_page()
    html = html_of(client, URL)
    assert "Staat het resultaat vooraf vast?" in html
    assert "<legend>" in html
    assert "error-summary" not in html
    assert "Jouw uitslag" not in html


def test_an_unanswered_question_is_named_in_the_error_summary(client):
    quiz_page()
    html = html_of(client, URL + "?uitslag=1&v1=a&v3=b")
    assert "error-summary" in html
    assert '<a href="#id_v2_0">Kies een antwoord op vraag 2.</a>' in html
    assert "Jouw uitslag" not in html
    assert 'id="id_v1_0" required checked' in html  # the answers given stay chosen
    assert 'id="id_v3_1" required checked' in html


def test_sending_the_form_with_nothing_chosen_asks_for_every_answer(client):
    quiz_page()
    html = html_of(client, URL + "?uitslag=1")
    for number in (1, 2, 3):  # in the summary and at the question
        assert html.count(f"Kies een antwoord op vraag {number}.") == 2


@pytest.mark.parametrize(
    "bad",
    [
        "?uitslag=1&v1=z&v2=a&v3=a",
        "?uitslag=1&v1=a&v2=a&v3=c",  # the third question has two answers
        "?uitslag=1&v1=<script>&v2=a&v3=a",
        "?v1=aa&v2=1&v3=",
    ],
)
def test_hand_edited_answers_get_a_dutch_message_not_an_error_page(client, bad):
    quiz_page()
    html = html_of(client, URL + bad)
    assert "Dit antwoord hoort niet bij vraag" in html or "Kies een antwoord op vraag" in html
    assert "Jouw uitslag" not in html
    assert "<script>&" not in html


def test_the_result_links_the_begrippen_of_the_outcome_first(client):
    project = begrip("project")
    programma = begrip("programma")
    draft = begrip("oude term", publish=False)
    quiz_page(begrippen=[("project", project), ("programma", programma), ("project", draft)])
    html = html_of(client, URL + query(ANSWERS["programma"]))
    assert f'href="{programma.get_absolute_url()}"' in html
    assert f'href="{project.get_absolute_url()}"' in html
    assert html.index(programma.get_absolute_url()) < html.index(project.get_absolute_url())
    assert draft.get_absolute_url() not in html


def test_the_result_costs_as_many_queries_for_many_begrippen_as_for_one(client):
    page = quiz_page(begrippen=[("project", begrip("project"))])
    url = URL + query(ANSWERS["project"])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(5):
        page.begrippen.create(outcome="proces", concept=begrip(f"term {n}"))
    page.save_revision().publish()
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        assert "term 4" in html_of(client, url)
    assert len(many) == len(few)


def test_the_quiz_takes_the_reserved_address_whatever_the_editor_typed():
    page = quiz_page()
    assert page.url == URL
    page.slug = "iets-anders"
    page.full_clean()
    assert page.slug == "doe-de-test"


def test_no_other_page_may_take_the_quiz_address():
    page = StandardPage(title="Doe de test", slug="doe-de-test")
    kennisbank = kennisbank_page()
    page.path = kennisbank.path + "0099"
    page.depth = kennisbank.depth + 1
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "gereserveerd" in str(error.value)


class TestWhereTheQuizLives(WagtailPageTestCase):
    def test_the_quiz_sits_in_the_kennisbank_only_and_once(self):
        self.assertAllowedParentPageTypes(QuizPage, {KnowledgeIndexPage})
        self.assertAllowedSubpageTypes(QuizPage, set())
        self.assertAllowedSubpageTypes(KnowledgeIndexPage, {ArticlePage, CasePage, QuizPage})
        self.assertCanNotCreateAt(HomePage, QuizPage)
        kennisbank = kennisbank_page()
        self.assertTrue(QuizPage.can_create_at(kennisbank))
        quiz_page()
        self.assertFalse(QuizPage.can_create_at(kennisbank))


def test_the_demo_quiz_is_made_once_and_links_project_proces_and_programma(client):
    concepts = [begrip(label) for label in ("project", "proces", "programma")]
    kennisbank = kennisbank_page()
    assert load_quiz(kennisbank) == 1
    assert load_quiz(kennisbank) == 0
    assert QuizPage.objects.count() == 1
    page = QuizPage.objects.get()
    assert len(page.questions) == len(DEMO_QUESTIONS) >= 6
    assert {row.concept for row in page.begrippen.all()} == set(concepts)
    html = html_of(client, URL + "?uitslag=1&" + "&".join(f"v{n}=a" for n in range(1, 8)))
    assert "Jouw uitslag: project" in html
    assert 'href="/begrippen/project/"' in html


def _answers(answers):
    data = {"count": len(answers)}
    for i, (text, project, proces, programma) in enumerate(answers):
        data[str(i)] = {
            "value": {"text": text, "project": project, "proces": proces, "programma": programma},
            "deleted": "",
            "order": i,
            "id": "",
        }
    return data


def test_an_editor_builds_the_quiz_in_the_admin_and_it_takes_the_quiz_address(
    admin_client_with_mfa,
):
    kennisbank = kennisbank_page()
    answers = [("Ja", 3, 0, 0), ("Nee", 0, 2, 1)]
    data = nested_form_data(
        {
            "title": "Project, proces of programma?",
            "slug": "project-proces-of-programma",
            "intro": "Een paar vragen.",
            "questions": streamfield(
                [
                    (
                        "question",
                        {"question": "Vast resultaat?", "help": "", "answers": _answers(answers)},
                    )
                ]
            ),
            "project_text": rich_text("<p>Project.</p>"),
            "proces_text": rich_text("<p>Proces.</p>"),
            "programma_text": rich_text("<p>Programma.</p>"),
            "difference": rich_text("<p>Verschil.</p>"),
            "begrippen": inline_formset([]),
            "visibility": "public",
            "action-publish": "publish",
        }
    )
    response = admin_client_with_mfa.post(
        f"/admin/pages/add/knowledge/quizpage/{kennisbank.pk}/", data
    )
    assert response.status_code == 302, response.context["form"].errors
    page = QuizPage.objects.get()
    assert page.url == URL
    assert "Jouw uitslag: project" in html_of(admin_client_with_mfa, URL + "?uitslag=1&v1=a")


def test_the_kennisbank_points_to_the_quiz(client):
    page = quiz_page()

    text = client.get("/kennisbank/").content.decode()

    assert f'href="{page.url}"' in text
