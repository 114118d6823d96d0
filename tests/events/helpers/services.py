"""What the services mail, for test_services_*.py."""


def subjects(outbox, to=None):
    return [m.subject for m in outbox if to is None or m.to == [to]]
