"""Reading begrippen from Turtle (or any RDF rdflib reads) into import Rows, in the terms that
glossary/rdf.py writes; an NL-SBB file from elsewhere reads too, as far as it uses them.

A begrip's slug is the last segment of its URI, so a file exported on another host (another
BASE_URL) names the same begrippen. RDF has no order: labels, examples and sources come back
sorted. skos:narrower and skos:related are read from both ends.
"""

from urllib.parse import unquote, urlparse

from django.utils.translation import gettext as _
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS

from glossary.models import ConceptStatus
from glossary.rdf import ADMS, LANG, status_from_uri
from glossary.rows import ImportFileError, Row, Source


def slug_of(uri) -> str:
    path = urlparse(str(uri)).path.rstrip("/")
    return unquote(path.rsplit("/", 1)[-1])


def rows_from_turtle(text: str, fmt: str = "turtle") -> list[Row]:
    graph = Graph()
    try:
        graph.parse(data=text, format=fmt)
    except Exception as exc:  # rdflib raises many kinds; all mean "not readable"
        raise ImportFileError(
            _("Het bestand is geen leesbare %(format)s: %(error)s")
            % {"format": "Turtle" if fmt == "turtle" else fmt, "error": str(exc)[:300]}
        ) from None
    return rows_from_graph(graph)


def rows_from_graph(graph: Graph) -> list[Row]:
    concepts = sorted(set(graph.subjects(RDF.type, SKOS.Concept)), key=str)
    if not concepts:
        raise ImportFileError(_("Het bestand bevat geen begrippen (skos:Concept)."))
    rows, errors = [], []
    for node in concepts:
        try:
            rows.append(_row(graph, node))
        except ValueError as exc:
            errors.append(f"{node}: {exc}")
    if errors:
        raise ImportFileError("\n".join(errors))
    return rows


def _texts(graph, node, predicate) -> list[str]:
    """The Dutch (or language-less) values of a property, sorted."""
    values = [
        str(value).strip()
        for value in graph.objects(node, predicate)
        if isinstance(value, Literal) and value.language in (None, LANG)
    ]
    return sorted(value for value in values if value)


def _one(graph, node, predicate, name) -> str:
    values = _texts(graph, node, predicate)
    if len(values) > 1:
        raise ValueError(
            _("meer dan één %(name)s in het Nederlands.") % {"name": name},
        )
    return values[0] if values else ""


def _neighbours(graph, node, forward, backward=None) -> list[str]:
    found = {other for other in graph.objects(node, forward) if isinstance(other, URIRef)}
    if backward is not None:
        found |= {other for other in graph.subjects(backward, node) if isinstance(other, URIRef)}
    return sorted(slug_of(other) for other in found)


def _sources(graph, node) -> list[Source]:
    sources = []
    for value in graph.objects(node, DCTERMS.source):
        if isinstance(value, Literal):
            sources.append(Source(title=str(value).strip()))
            continue
        title = graph.value(value, DCTERMS.title)
        page = graph.value(value, FOAF.page)
        if page is None and isinstance(value, URIRef):
            page = value
        citation = graph.value(value, DCTERMS.bibliographicCitation)
        sources.append(
            Source(
                title=str(title or page or "").strip(),
                url=str(page or "").strip(),
                citation=str(citation or "").strip(),
            )
        )
    return sorted(sources, key=lambda s: (s.title, s.url, s.citation))


def _status(graph, node) -> str:
    for value in graph.objects(node, ADMS.status):
        status = status_from_uri(value)
        if status:
            return status
    if graph.value(node, DCTERMS.isReplacedBy) is not None:
        return ConceptStatus.VERVANGEN
    if graph.value(node, OWL.deprecated) == Literal(True):
        return ConceptStatus.VERVALLEN
    return ""


def _row(graph, node) -> Row:
    pref_labels = _texts(graph, node, SKOS.prefLabel)
    if len(pref_labels) != 1:
        raise ValueError(_("een begrip heeft precies één voorkeursterm (skos:prefLabel)."))
    successor = graph.value(node, DCTERMS.isReplacedBy)
    return Row(
        where=str(node),
        slug=slug_of(node),
        pref_label=pref_labels[0],
        definition=_one(graph, node, SKOS.definition, "skos:definition"),
        alt_labels=_texts(graph, node, SKOS.altLabel),
        hidden_labels=_texts(graph, node, SKOS.hiddenLabel),
        scope_note="\n\n".join(_texts(graph, node, SKOS.scopeNote)),
        explanation="\n\n".join(_texts(graph, node, RDFS.comment)),
        examples="\n\n".join(_texts(graph, node, SKOS.example)),
        sources=_sources(graph, node),
        broader=_neighbours(graph, node, SKOS.broader, SKOS.narrower),
        related=_neighbours(graph, node, SKOS.related, SKOS.related),
        status=_status(graph, node),
        replaced_by=slug_of(successor) if isinstance(successor, URIRef) else "",
        themes=_texts(graph, node, DCTERMS.subject),
    )
