"""The one concept scheme, "Begrippenkader opgavesturing", and the stable URIs of NL-SBB.

A concept's URI is its page on the site (`<BASE_URL>/begrippen/<slug>/`), so whoever follows
it as linked data lands on the explanation a person reads. The URIs come from BASE_URL, not
from the request, so an export made on any host names the same concepts.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from leerhuis.core.association import association_name

TITLE = "Begrippenkader opgavesturing"
DESCRIPTION = _(
    "De gemeenschappelijke begrippen van opgave-sturing: wat projectbureaus bedoelen met "
    "opgave, programma, project, proces en de rollen daaromheen."
)
LANGUAGE = "nl"
PATH = "/begrippen/"


def base_uri() -> str:
    return settings.BASE_URL + PATH


def scheme_uri() -> str:
    return base_uri() + "begrippenkader"


def concept_uri(slug: str) -> str:
    return f"{base_uri()}{slug}/"


def publisher() -> str:
    return association_name()
