"""Where the site is served, from BASE_URL (used by a migration, so plain functions only)."""

from urllib.parse import urlsplit


def site_address(base_url):
    """(hostname, port) for Wagtail's Site record, e.g. ("127.0.0.1", 8000)."""
    parts = urlsplit(base_url)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)
