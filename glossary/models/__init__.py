from .concepts import Concept, ConceptQuerySet, ConceptStatus
from .parts import ConceptSource, FormerSlug
from .proposals import Proposal, ProposalKind, ProposalQuerySet, ProposalStatus
from .review import ReviewTask

__all__ = [
    "Concept",
    "ConceptQuerySet",
    "ConceptSource",
    "ConceptStatus",
    "FormerSlug",
    "Proposal",
    "ProposalKind",
    "ProposalQuerySet",
    "ProposalStatus",
    "ReviewTask",
]
