"""A port for an outage: where the mail server or Redis should be, and nothing listens."""

import socket


def closed_port():
    """Bound for a moment by the OS, then let go: nothing listens there afterwards."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
