"""The demo's kennisbank articles (leerhuis.demo.artikelen) are data a loader turns into
pages: they must answer the study day's questions, speak the begrippenkader's words, and
hold only what the article body can show."""

import re
from html.parser import HTMLParser

import pytest
from django.utils.text import slugify

from leerhuis.demo.artikelen import ARTICLES
from leerhuis.demo.begrippen import BEGRIPPEN
from leerhuis.demo.content import STUDIEDAG
from leerhuis.demo.meetings import SEASON
from leerhuis.demo.members import ORGANISATIONS, PEOPLE
from leerhuis.demo.themes import THEMES

FIELDS = {
    "slug",
    "title",
    "intro",
    "kind",
    "themes",
    "begrippen",
    "meeting",
    "author",
    "organisation",
    "days_ago",
    "body",
}
# The subjects issue 16 asks for, by the slug the articles have.
SUBJECTS = {
    "wat-is-een-opgave": "artikel",
    "opgave-sturing-en-opgave-gericht-werken": "artikel",
    "de-rol-en-kwaliteiten-van-de-opgave-manager": "artikel",
    "opgave-manager-en-lijnmanager": "artikel",
    "een-opgave-organiseren-organisatie-en-mandaat": "artikel",
    "opgave-sturing-invoeren-in-een-gemeente": "artikel",
    "verantwoorden-vanuit-een-opgave-in-de-planning-en-controlcyclus": "artikel",
    "wyberen-van-wens-naar-opgave": "methode",
    "verslag-studiedag-opgave-sturing": "verslag",
    "het-leerhuis-heeft-een-begrippenkader": "nieuws",
    "video-wat-is-een-opgave": "video",
}
TAGS = {"p", "strong", "em", "ul", "ol", "li", "br"}
BEGRIPPEN_BY_SLUG = {slugify(spec["label"], allow_unicode=True): spec for spec in BEGRIPPEN}
by_slug = {article["slug"]: article for article in ARTICLES}


def _html_blocks(article):
    for kind, value in article["body"]:
        if kind == "paragraph":
            yield value
        elif kind == "kader":
            yield value["text"]
        elif kind == "video":
            yield value["transcript"]


def _plain_blocks(article):
    yield article["title"]
    yield article["intro"]
    for kind, value in article["body"]:
        if kind == "heading":
            yield value
        elif kind == "quote":
            yield value["quote"]
            yield value["attribution"]
        elif kind in ("kader", "video"):
            yield value["heading" if kind == "kader" else "title"]


def _names(text, term):
    """Whether `text` holds `term` as the site's linking finds it: whole words, where a
    hyphen or an apostrophe glues words together ("opgaven" and "opgave's" are no "opgave")."""
    words = r"\s+".join(re.escape(word) for word in term.lower().split())
    return re.search(rf"(?<![\w'-]){words}(?![\w'-])", text) is not None


def _terms(spec):
    return [spec["label"], *spec.get("alt", ())]


def _text(article):
    html = " ".join([*_plain_blocks(article), *_html_blocks(article)])
    return re.sub(r"<[^>]+>", " ", html)


class Markup(HTMLParser):
    """The tags of a piece of HTML, and what is wrong with them (other tags, attributes,
    tags left open or closed twice)."""

    def __init__(self):
        super().__init__()
        self.open = []
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self.problems.append(f"<{tag}>")
        if attrs:
            self.problems.append(f"<{tag}> met attributen {attrs}")
        self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.problems.append(f"</{tag}> sluit niet wat open staat")

    def check(self, html):
        self.feed(html)
        self.close()
        return self.problems + [f"<{tag}> niet gesloten" for tag in self.open]


def test_the_kennisbank_answers_the_questions_of_the_study_day_in_articles_of_the_right_kind():
    assert {slug: by_slug[slug]["kind"] for slug in SUBJECTS if slug in by_slug} == SUBJECTS
    assert sum(a["kind"] in ("artikel", "methode") for a in ARTICLES) >= 8


def test_every_article_has_an_address_of_its_own_and_exactly_the_fields_the_loader_reads():
    slugs = [article["slug"] for article in ARTICLES]
    assert len(slugs) == len(set(slugs))
    for article in ARTICLES:
        assert set(article) == FIELDS, article["slug"]
        assert slugify(article["slug"]) == article["slug"]
        assert isinstance(article["days_ago"], int) and article["days_ago"] >= 0


def test_articles_are_filed_under_themes_of_the_demo_vocabulary():
    names = {name for _slug, name, _description in THEMES}
    for article in ARTICLES:
        assert article["themes"], article["slug"]
        assert set(article["themes"]) <= names, article["slug"]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["slug"])
def test_an_article_relates_only_begrippen_of_the_demo_kader_whose_terms_it_uses(article):
    text = _text(article).lower()
    assert article["begrippen"]
    assert set(article["begrippen"]) <= set(BEGRIPPEN_BY_SLUG)
    unnamed = [
        slug
        for slug in article["begrippen"]
        if not any(_names(text, term) for term in _terms(BEGRIPPEN_BY_SLUG[slug]))
    ]
    assert unnamed == []


def test_the_verslag_of_the_study_day_points_at_its_meeting_and_no_other_article_does():
    meetings = {STUDIEDAG["slug"], *(spec["slug"] for spec in SEASON)}
    verslag = by_slug["verslag-studiedag-opgave-sturing"]
    assert verslag["meeting"] == STUDIEDAG["slug"]
    for article in ARTICLES:
        if article["kind"] == "verslag":
            assert article["meeting"] in meetings
        else:
            assert article["meeting"] is None, article["slug"]


def test_authors_and_organisations_are_people_and_organisations_of_the_demo():
    people = {person.name for person in PEOPLE}
    organisations = {organisation.name for organisation in ORGANISATIONS}
    for article in ARTICLES:
        assert article["author"] is None or article["author"] in people
        assert article["organisation"] is None or article["organisation"] in organisations


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["slug"])
def test_an_article_body_holds_only_blocks_and_markup_the_page_can_show(article):
    types = {kind for kind, _value in article["body"]}
    assert types <= {"heading", "paragraph", "quote", "kader", "video"}
    assert "heading" in types and "paragraph" in types
    for html in _html_blocks(article):
        assert re.match(r"<(p|ul|ol)>", html), html[:60]
        assert Markup().check(html) == [], html[:60]
    for plain in _plain_blocks(article):
        assert plain.strip() and "<" not in plain and ">" not in plain, plain[:60]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["slug"])
def test_an_article_is_substantive_with_a_short_intro(article):
    # A video says what it has to say in the video (and its transcript).
    assert len(_text(article).split()) >= (100 if article["kind"] == "video" else 400)
    sentences = re.findall(r"[.?!](?:\s|$)", article["intro"])
    assert 1 <= len(sentences) <= 2, article["intro"]
