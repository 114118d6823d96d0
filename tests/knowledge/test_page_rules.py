"""Articles live in the kennisbank only, and there is one kennisbank, under the home page."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage
from leerhuis.core.models import HomePage, StandardPage
from leerhuis.knowledge.models import ArticlePage, CasePage, KnowledgeIndexPage, QuizPage

pytestmark = pytest.mark.django_db


class TestWhereKennisbankPagesLive(WagtailPageTestCase):
    def test_an_article_can_only_be_added_to_the_kennisbank(self):
        self.assertAllowedParentPageTypes(ArticlePage, {KnowledgeIndexPage})
        self.assertCanCreateAt(KnowledgeIndexPage, ArticlePage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(StandardPage, ArticlePage)
        self.assertCanNotCreateAt(EventIndexPage, ArticlePage)

    def test_the_kennisbank_holds_articles_cases_and_the_quiz_and_sits_under_the_home_page(self):
        self.assertAllowedSubpageTypes(KnowledgeIndexPage, {ArticlePage, CasePage, QuizPage})
        self.assertAllowedParentPageTypes(KnowledgeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_there_is_only_one_kennisbank(self):
        home = HomePage.objects.get()
        self.assertTrue(KnowledgeIndexPage.can_create_at(home))
        home.add_child(instance=KnowledgeIndexPage(title="Kennisbank", slug="kennisbank"))
        self.assertFalse(KnowledgeIndexPage.can_create_at(home))

    def test_a_case_lives_in_the_kennisbank_only(self):
        self.assertAllowedParentPageTypes(CasePage, {KnowledgeIndexPage})
        self.assertAllowedSubpageTypes(CasePage, set())
