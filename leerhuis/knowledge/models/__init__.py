from .articles import ArticleKind, ArticlePage, reading_minutes
from .index_page import KnowledgeIndexPage
from .links import ArticleBegrip, ArticleMeeting

__all__ = [
    "ArticleBegrip",
    "ArticleKind",
    "ArticleMeeting",
    "ArticlePage",
    "KnowledgeIndexPage",
    "reading_minutes",
]
