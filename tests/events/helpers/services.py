"""What the services mail, for test_services_*.py."""


def subjects(outbox, to=None):
    return [m.subject for m in outbox if to is None or m.to == [to]]


def hand_over(registration, colleague):
    """Stuur een collega from start to end: invited at their address, and accepted."""
    from events import services

    invitation, _token = services.invite_colleague(registration, colleague.email, registration.user)
    return services.accept_invitation(invitation, colleague)
