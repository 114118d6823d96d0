"""Wagtail hooks of the conversations index and of the conversation under articles and
cases (imported by wagtail_hooks): the section under a page, and conversations in search."""

from wagtail import hooks

from leerhuis.community import page_conversation, search
from leerhuis.core import page_extras, search_types

hooks.register(page_extras.HOOK, page_conversation.section)
hooks.register(search_types.HOOK, search.result_type)
