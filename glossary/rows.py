"""One begrip as an import file describes it, whatever the file's format (CSV or Turtle):
the readers turn a file into Rows, glossary/importing.py turns Rows into begrippen.

Relations and the successor are slugs, so a file may name begrippen that come later in the
same file or that the site already has.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


class ImportFileError(Exception):
    """The file cannot be imported; nothing was written. The message is Dutch and may span
    several lines (one per problem)."""


@dataclass(frozen=True)
class Source:
    title: str
    url: str = ""
    citation: str = ""


@dataclass
class Row:
    where: str  # for messages: "regel 3" or the begrip's URI
    slug: str
    pref_label: str
    definition: str = ""
    alt_labels: list[str] = field(default_factory=list)
    hidden_labels: list[str] = field(default_factory=list)
    scope_note: str = ""
    explanation: str = ""
    examples: str = ""
    sources: list[Source] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    status: str = ""
    replaced_by: str = ""
    themes: list[str] = field(default_factory=list)

    def label(self):
        """How messages name this row: where it is and which begrip."""
        return _("%(where)s (%(slug)s)") % {"where": self.where, "slug": self.slug or "?"}
