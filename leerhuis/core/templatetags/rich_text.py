from django import template

from leerhuis.core import rich_text as rendering

register = template.Library()


@register.simple_tag(takes_context=True)
def rich_text(context, value):
    """{% rich_text page.body_text %}: Wagtail's rich text with the site's transformers
    (leerhuis/core/rich_text.py), for the page this template shows."""
    return rendering.render(value, page=context.get("page"), request=context.get("request"))
