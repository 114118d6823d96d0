"""The begrippenkader as linked data: one begrip or the whole scheme as an rdflib Graph, in
the terms of NL-SBB (the Dutch SKOS application profile).

Choices that a reader of the export (and the import, glossary/rdf_reading.py) relies on:
- Only live begrippen, and relations only to live begrippen: a URI in the export always
  resolves to a page.
- A begrip without a (live) broader begrip is a top concept of the scheme.
- Examples are one skos:example per paragraph; the plain-language explanation is rdfs:comment.
- A source is a blank node (dct:BibliographicResource) with dct:title, foaf:page for its
  address and dct:bibliographicCitation: two begrippen citing the same address with other
  pages stay two sources.
- The status is adms:status pointing at a term of the scheme's own small status list
  (`<scheme>#status-<value>`, the values of ConceptStatus); withdrawn begrippen also carry
  owl:deprecated true, a replaced one dct:isReplacedBy its successor.
- Themes are dct:subject with the theme's name (the site's theme vocabulary has no URIs).
"""

from django.db.models import Prefetch
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS, XSD

from glossary import scheme
from glossary.models import Concept, ConceptStatus
from leerhuis.core.themes import live_themes

ADMS = Namespace("http://www.w3.org/ns/adms#")
LANG = scheme.LANGUAGE
PREFIXES = {
    "skos": SKOS,
    "dct": DCTERMS,
    "rdfs": RDFS,
    "owl": OWL,
    "adms": ADMS,
    "foaf": FOAF,
    "xsd": XSD,
}
# The JSON-LD context: the same prefixes, so the JSON-LD reads like the Turtle.
JSONLD_CONTEXT = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
FORMATS = {"ttl": "turtle", "jsonld": "json-ld"}


def status_uri(value: str) -> URIRef:
    return URIRef(f"{scheme.scheme_uri()}#status-{value}")


def status_from_uri(uri) -> str | None:
    """The ConceptStatus value of a status URI of this scheme (any host), else None."""
    value = str(uri).rpartition("#status-")[2]
    return value if value in ConceptStatus.values else None


def _live():
    return Concept.objects.live().only("slug")


def with_relations(queryset):
    """Everything a begrip's triples need, in a fixed number of queries however many there
    are: relations only to live begrippen."""
    return queryset.select_related("replaced_by").prefetch_related(
        "sources",
        live_themes(),
        Prefetch("broader", queryset=_live()),
        Prefetch("narrower", queryset=_live()),
        Prefetch("related", queryset=_live()),
    )


def scheme_concepts():
    return with_relations(Concept.objects.live())


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def _add_scheme(graph: Graph) -> URIRef:
    node = URIRef(scheme.scheme_uri())
    graph.add((node, RDF.type, SKOS.ConceptScheme))
    graph.add((node, DCTERMS.title, Literal(scheme.TITLE, lang=LANG)))
    graph.add((node, DCTERMS.description, Literal(str(scheme.DESCRIPTION), lang=LANG)))
    graph.add((node, DCTERMS.publisher, Literal(scheme.publisher(), lang=LANG)))
    return node


def _add_status(graph: Graph, value: str) -> URIRef:
    node = status_uri(value)
    graph.add((node, RDFS.label, Literal(str(ConceptStatus(value).label), lang=LANG)))
    return node


def _add_source(graph: Graph, node: URIRef, source) -> None:
    source_node = BNode()
    graph.add((node, DCTERMS.source, source_node))
    graph.add((source_node, RDF.type, DCTERMS.BibliographicResource))
    graph.add((source_node, DCTERMS.title, Literal(source.title, lang=LANG)))
    if source.url:
        graph.add((source_node, FOAF.page, URIRef(source.url)))
    if source.citation:
        graph.add((source_node, DCTERMS.bibliographicCitation, Literal(source.citation)))


def add_concept(graph: Graph, concept: Concept, scheme_node: URIRef) -> URIRef:
    """The triples of one live begrip (loaded through with_relations)."""
    node = URIRef(concept.uri)
    add = graph.add
    add((node, RDF.type, SKOS.Concept))
    add((node, SKOS.inScheme, scheme_node))
    add((node, SKOS.prefLabel, Literal(concept.pref_label, lang=LANG)))
    for label in concept.alt_label_list:
        add((node, SKOS.altLabel, Literal(label, lang=LANG)))
    for label in concept.hidden_label_list:
        add((node, SKOS.hiddenLabel, Literal(label, lang=LANG)))
    add((node, SKOS.definition, Literal(concept.definition, lang=LANG)))
    if concept.scope_note.strip():
        add((node, SKOS.scopeNote, Literal(concept.scope_note.strip(), lang=LANG)))
    if concept.explanation.strip():
        add((node, RDFS.comment, Literal(concept.explanation.strip(), lang=LANG)))
    for example in concept.example_list:
        add((node, SKOS.example, Literal(example, lang=LANG)))
    for source in concept.sources.all():
        _add_source(graph, node, source)

    broader = list(concept.broader.all())
    for other in broader:
        add((node, SKOS.broader, URIRef(other.uri)))
    for other in concept.narrower.all():
        add((node, SKOS.narrower, URIRef(other.uri)))
    for other in concept.related.all():
        add((node, SKOS.related, URIRef(other.uri)))
    if not broader:
        add((node, SKOS.topConceptOf, scheme_node))
        add((scheme_node, SKOS.hasTopConcept, node))

    add((node, ADMS.status, _add_status(graph, concept.status)))
    if concept.is_withdrawn:
        add((node, OWL.deprecated, Literal(True)))
    successor = concept.replaced_by
    if successor is not None and successor.live:
        add((node, DCTERMS.isReplacedBy, URIRef(successor.uri)))
    for thema in concept.themes.all():
        add((node, DCTERMS.subject, Literal(thema.name, lang=LANG)))
    modified = concept.last_published_at or concept.updated_at
    if modified is not None:
        add((node, DCTERMS.modified, Literal(modified, datatype=XSD.dateTime)))
    return node


def concept_graph(concept: Concept) -> Graph:
    """One begrip with the scheme it belongs to."""
    graph = new_graph()
    concept = with_relations(Concept.objects.filter(pk=concept.pk)).get()
    add_concept(graph, concept, _add_scheme(graph))
    return graph


def scheme_graph(concepts=None) -> Graph:
    """The whole scheme: every live begrip."""
    graph = new_graph()
    scheme_node = _add_scheme(graph)
    for concept in scheme_concepts() if concepts is None else concepts:
        add_concept(graph, concept, scheme_node)
    return graph


def serialize(graph: Graph, fmt: str) -> bytes:
    """Turtle or JSON-LD (`fmt` is "ttl" or "jsonld"), UTF-8."""
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", context=JSONLD_CONTEXT, encoding="utf-8")
    return graph.serialize(format="turtle", encoding="utf-8")
