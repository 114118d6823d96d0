from .affiliations import Affiliation, AffiliationChange, AffiliationStatus
from .organisations import Membership, Organisation, OrganisationDomain, Province
from .people import Person
from .users import Function, User, UserManager

__all__ = [
    "Affiliation",
    "AffiliationChange",
    "AffiliationStatus",
    "Function",
    "Membership",
    "Organisation",
    "OrganisationDomain",
    "Person",
    "Province",
    "User",
    "UserManager",
]
