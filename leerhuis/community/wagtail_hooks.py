"""The community's Wagtail hooks, one module per part (threads, follows, moderation, groups),
so each part keeps its own registrations."""

from leerhuis.community import (  # noqa: F401 (registering is importing)
    follow_hooks,
    group_hooks,
    moderation_hooks,
    page_hooks,
    privacy_hooks,
    thread_hooks,
)
