from .affiliations import Affiliation, AffiliationChange
from .organisations import Membership, Organisation, OrganisationDomain, Province
from .people import Person
from .users import Function, User, UserManager

__all__ = [
    "Affiliation",
    "AffiliationChange",
    "Function",
    "Membership",
    "Organisation",
    "OrganisationDomain",
    "Person",
    "Province",
    "User",
    "UserManager",
]
