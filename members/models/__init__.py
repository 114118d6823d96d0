from .affiliations import Affiliation, AffiliationChange, AffiliationStatus
from .groups import Groep, Groepslid, GroepUitnodiging, Toegang
from .organisations import Membership, Organisation, OrganisationDomain, Province
from .people import Person
from .users import Function, User, UserManager

__all__ = [
    "Affiliation",
    "AffiliationChange",
    "AffiliationStatus",
    "Function",
    "Groep",
    "GroepUitnodiging",
    "Groepslid",
    "Membership",
    "Organisation",
    "OrganisationDomain",
    "Person",
    "Province",
    "Toegang",
    "User",
    "UserManager",
]
