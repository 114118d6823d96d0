"""The first occurrence of each begrip on a page links to its explanation: which words
count as an occurrence, and what else a reader sees of the link."""

import pytest

from glossary.models import ConceptStatus
from tests.glossary.linking_helpers import link, links, page_context, tooltips, unlinked
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db


@pytest.fixture
def opgave():
    return begrip("opgave", "Een maatschappelijk vraagstuk dat de gemeente wil oplossen.")


def test_the_first_mention_links_to_the_begrip_with_its_short_definition(opgave):
    html = link("<p>Elke opgave vraagt een eigen aanpak; een opgave is nooit af.</p>")
    assert links(html) == [
        (
            "/begrippen/opgave/",
            "opgave",
            "Een maatschappelijk vraagstuk dat de gemeente wil oplossen.",
        )
    ]
    assert unlinked(html) == "<p>Elke opgave vraagt een eigen aanpak; een opgave is nooit af.</p>"


def test_only_the_first_mention_on_a_page_is_linked_across_all_its_texts(opgave):
    page = page_context()
    first = link("<p>De opgave van vandaag.</p>", page)
    second = link("<p>Dezelfde opgave morgen.</p>", page)
    assert len(links(first)) == 1
    assert second == "<p>Dezelfde opgave morgen.</p>"
    assert len(links(link("<p>De opgave op een andere pagina.</p>"))) == 1


def test_case_does_not_matter_and_the_text_keeps_its_own_case(opgave):
    html = link("<p>OPGAVE en Opgave.</p>")
    assert links(html)[0][:2] == ("/begrippen/opgave/", "OPGAVE")
    assert "en Opgave." in html


@pytest.mark.parametrize(
    "text",
    ["opgaven", "opgaves", "hoofdopgave", "opgave-gericht", "deel-opgave", "opgave's"],
)
def test_a_plural_or_compound_is_not_the_begrip_itself(opgave, text):
    html = f"<p>Over de {text} van de stad.</p>"
    assert link(html) == html


def test_a_plural_that_editors_add_as_alternative_term_links_to_the_begrip():
    begrip("opgave", alt_labels="opgaven")
    assert links(link("<p>Alle opgaven van de stad.</p>"))[0][:2] == (
        "/begrippen/opgave/",
        "opgaven",
    )


def test_an_alternative_term_links_to_the_begrip_but_a_hidden_search_term_does_not():
    begrip("opgave-sturing", alt_labels="opgavesturing", hidden_labels="opgavestuuring")
    assert links(link("<p>Over opgavesturing.</p>"))[0][:2] == (
        "/begrippen/opgave-sturing/",
        "opgavesturing",
    )
    assert link("<p>Over opgavestuuring.</p>") == "<p>Over opgavestuuring.</p>"


def test_the_longest_term_wins(opgave):
    begrip("opgave-sturing")
    begrip("opgave-gericht werken")
    html = link("<p>Opgave-sturing is opgave-gericht werken rond een opgave.</p>")
    assert [address for address, _term, _definition in links(html)] == [
        "/begrippen/opgave-sturing/",
        "/begrippen/opgave-gericht-werken/",
        "/begrippen/opgave/",
    ]


def test_a_term_of_several_words_is_found_across_a_line_break_but_not_with_other_signs():
    begrip("planning- en controlcyclus")
    html = link("<p>De planning- en\ncontrolcyclus van de gemeente.</p>")
    assert links(html)[0][1] == "planning- en\ncontrolcyclus"
    other = "<p>De planning, en controlcyclus.</p>"
    assert link(other) == other


def test_a_begrip_linked_already_hides_no_shorter_term_inside_it(opgave):
    begrip("opgave-sturing")
    page = page_context()
    link("<p>Opgave-sturing.</p>", page)
    html = link("<p>Nog eens opgave-sturing.</p>", page)
    assert html == "<p>Nog eens opgave-sturing.</p>"


@pytest.mark.parametrize(
    "html",
    [
        "<h2>De opgave</h2>",
        "<h4 class='x'>Een <em>opgave</em></h4>",
        '<p><a href="/elders/">de opgave</a></p>',
        "<p><code>opgave</code></p>",
        "<pre>opgave\n  opgave</pre>",
        "<p><button>opgave</button></p>",
        '<p><abbr title="opgave">OPG</abbr> <abbr>opgave</abbr></p>',
        "<script>var opgave = '<p>opgave</p>';</script>",
        "<style>.opgave { color: red; }</style>",
    ],
)
def test_no_link_inside_headings_links_code_buttons_or_scripts(opgave, html):
    assert link(html) == html


def test_after_a_heading_or_link_closes_the_text_is_linked_again(opgave):
    html = link('<h2>Opgave</h2><p><a href="/x/">opgave</a> en <b>opgave</b></p>')
    assert unlinked(html) == '<h2>Opgave</h2><p><a href="/x/">opgave</a> en <b>opgave</b></p>'
    assert links(html)[0][1] == "opgave"
    assert html.index("begrip-link") > html.index("</a>")


def test_a_begrip_is_not_linked_on_its_own_page(opgave):
    begrip("opgave-sturing")
    html = link("<p>Een opgave vraagt opgave-sturing.</p>", page_context(opgave))
    assert [address for address, _t, _d in links(html)] == ["/begrippen/opgave-sturing/"]


@pytest.mark.parametrize(
    "fields",
    [
        {"status": ConceptStatus.VERVALLEN},
        {"status": ConceptStatus.VERVANGEN, "replaced_by": "new"},
        {"publish": False},
    ],
    ids=["vervallen", "vervangen", "concept"],
)
def test_withdrawn_replaced_and_draft_begrippen_are_not_linked(fields):
    if fields.get("replaced_by") == "new":
        fields["replaced_by"] = begrip("opgave-sturing")
    begrip("programmeur", **fields)
    assert link("<p>De programmeur.</p>") == "<p>De programmeur.</p>"


def test_nothing_is_linked_where_the_page_switches_it_off_or_outside_a_page(opgave):
    from leerhuis.core.rich_text import RichTextContext
    from tests.glossary.linking_helpers import a_page

    html = "<p>De opgave.</p>"
    assert link(html, page_context(a_page(auto_link_terms=False))) == html
    assert link(html, RichTextContext(None)) == html


def test_accents_and_entities_stay_as_the_editor_wrote_them():
    begrip("Súdwest-Fryslân")
    begrip("café & co")  # a term with a sign in it
    source = "<p>In S&uacute;dwest-Frysl&acirc;n&nbsp;en het caf&eacute; &amp; co.</p>"
    html = link(source)
    assert unlinked(html) == source
    assert [term for _a, term, _d in links(html)] == [
        "S&uacute;dwest-Frysl&acirc;n",
        "caf&eacute; &amp; co",
    ]


def test_attributes_are_never_changed(opgave):
    source = (
        '<p title="opgave"><a href="/opgave/" title="opgave">elders</a>'
        '<img alt="opgave" src="/opgave.png"> <span data-x="opgave">een opgave</span></p>'
    )
    html = link(source)
    assert unlinked(html) == source
    assert len(links(html)) == 1 and html.count('"opgave"') == 4


def test_a_definition_with_markup_is_shown_as_text():
    begrip("wyberen", 'Een werkvorm <script>alert("x")</script> & meer.')
    html = link("<p>Wyberen met z'n allen.</p>")
    assert "<script>" not in html
    assert (
        links(html)[0][2]
        == "Een werkvorm &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer."
    )


def test_a_long_definition_is_shortened_for_the_tooltip():
    begrip("kanteling", "Een verschuiving " + "van denken en doen " * 40)
    definition = links(link("<p>De kanteling.</p>"))[0][2]
    assert definition.endswith("…") and len(definition) <= 240


def test_each_explanation_has_an_id_of_its_own_that_its_link_points_to(opgave):
    begrip("mandaat")
    page = page_context()
    html = link("<p>Een opgave.</p>", page) + link("<p>Een mandaat.</p>", page)
    pairs = tooltips(html)
    assert len(pairs) == 2
    assert all(described == own for described, own in pairs)
    assert len({own for _d, own in pairs}) == 2


def test_linked_text_is_not_linked_again(opgave):
    begrip("vraagstuk")
    once = link("<p>Een opgave.</p>")
    assert "vraagstuk" in once  # in the definition beside the link
    assert link(once) == once
