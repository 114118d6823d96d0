"""Wagtail hooks of one part of the community (imported by wagtail_hooks)."""
