from django import template
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from leerhuis.core import page_extras

register = template.Library()


@register.simple_tag(takes_context=True)
def page_extras_for(context, page):
    """{% page_extras_for page %}: what the apps add under this page (core/page_extras.py)."""
    request = context.get("request")
    html = []
    for section in page_extras.sections(request, page):
        links = format_html_join(
            "", '<link rel="stylesheet" href="{}">', ((static(s),) for s in section.stylesheets)
        )
        body = render_to_string(section.template, {"page": page, **section.context}, request)
        html.append(format_html("{}{}", links, mark_safe(body)))  # noqa: S308 (a template's output)
    return mark_safe("".join(html))  # noqa: S308 (built from escaped parts above)
