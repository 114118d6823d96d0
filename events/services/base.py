"""What every verb shares: its typed refusal, the answers given at sign-up, and who signs up
at what price."""

from dataclasses import dataclass


class RegistrationError(Exception):
    """A verb that cannot go ahead; the message is Dutch, for the person, and the code
    tells the caller what kind of refusal it is (closed, deadline, forbidden, …)."""

    def __init__(self, message, code="invalid"):
        super().__init__(message)
        self.message = str(message)
        self.code = code


@dataclass
class Answers:
    dietary: str = ""
    accessibility: str = ""
    workshop: object = None  # a Workshop of this meeting, or None
    on_attendee_list: bool = False
    billing_organisation: str = ""
    billing_reference: str = ""
    billing_email: str = ""


def person_fields(event, user):
    """Who signs up and what they pay, as the registration keeps it: the price and its
    basis are decided by membership on the day of the meeting and never change after."""
    amount, status = event.price_for(user)
    organisation = status.organisation
    return {
        "event": event,
        "user": user,
        "name": user.get_full_name() or user.email,
        "email": user.email,
        "organisation": organisation,
        "organisation_name": organisation.name if organisation else "",
        "price": amount,
        "is_member": status.is_member,
        "membership_basis": status.message,
    }
