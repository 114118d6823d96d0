"""A small begrippenkader with every NL-SBB field and relation, for the linked-data tests."""

from glossary.models import ConceptSource, ConceptStatus
from leerhuis.core.themes import Thema
from tests.glossary_factories import begrip


def full_scheme():
    """Opgave on top, two narrower begrippen, a related pair, a replaced and a withdrawn
    begrip, sources, examples, themes, a draft and an unpublished begrip."""
    thema = Thema.objects.named("Opgave-sturing")[0]
    opgave = begrip(
        "opgave",
        "Een maatschappelijk vraagstuk dat de gemeente met anderen aanpakt.",
        alt_labels="maatschappelijke opgave",
        hidden_labels="opgaaf",
        scope_note="Niet: een opdracht aan één afdeling.",
        explanation="Iets groots dat de stad wil bereiken.",
        examples="Een wijk energieneutraal maken.\n\nDe jeugdzorg dichter bij huis brengen.",
    )
    opgave.sources.add(
        ConceptSource(
            title="Sturen op opgaven; een handreiking",
            url="https://example.org/sturen",
            citation="Van der Meer (2024), p. 12",
        )
    )
    opgave.themes.add(thema)
    opgave.save_revision().publish()
    sturing = begrip("opgave-sturing", alt_labels="opgavesturing", broader=[opgave])
    programma = begrip("programma", broader=[opgave], related=[sturing])
    project = begrip("project", related=[programma])
    oud = begrip(
        "opgavegericht sturen",
        status=ConceptStatus.VERVANGEN,
        replaced_by=sturing,
    )
    vervallen = begrip("stuurgroepmodel", status=ConceptStatus.VERVALLEN)
    draft = begrip("kanteling", publish=False)
    return {
        "opgave": opgave,
        "sturing": sturing,
        "programma": programma,
        "project": project,
        "oud": oud,
        "vervallen": vervallen,
        "draft": draft,
    }
