"""The community's domain verbs, one module per concern (posting, following, moderation)."""
