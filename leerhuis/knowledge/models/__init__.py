from .articles import ArticleKind, ArticlePage, reading_minutes
from .cases import CasePage, CaseReviewTask
from .index_page import KnowledgeIndexPage
from .links import ArticleBegrip, ArticleMeeting
from .quiz import QUIZ_SLUG, Outcome, QuizBegrip, QuizPage

__all__ = [
    "ArticleBegrip",
    "ArticleKind",
    "ArticleMeeting",
    "ArticlePage",
    "CasePage",
    "CaseReviewTask",
    "KnowledgeIndexPage",
    "Outcome",
    "QUIZ_SLUG",
    "QuizBegrip",
    "QuizPage",
    "reading_minutes",
]
