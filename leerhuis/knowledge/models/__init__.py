from .articles import ArticleKind, ArticlePage, reading_minutes
from .cases import CasePage, CaseReviewTask
from .digest import DigestSubscription
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
    "DigestSubscription",
    "KnowledgeIndexPage",
    "Outcome",
    "QUIZ_SLUG",
    "QuizBegrip",
    "QuizPage",
    "reading_minutes",
]
