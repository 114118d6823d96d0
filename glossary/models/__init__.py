from .concepts import Concept, ConceptQuerySet, ConceptSource, ConceptStatus, FormerSlug

__all__ = ["Concept", "ConceptQuerySet", "ConceptSource", "ConceptStatus", "FormerSlug"]
