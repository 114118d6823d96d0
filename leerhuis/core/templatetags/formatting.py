"""The site's way of writing money and places in templates (leerhuis.core.formatting)."""

from django import template

from leerhuis.core import formatting

register = template.Library()


@register.filter
def money(amount):
    """{{ 95|money }} → "€ 95,00"."""
    return formatting.money(amount)
