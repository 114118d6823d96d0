"""schema.org data for a page, in a <script type="application/ld+json">, escaped as Django's
json_script does: no text of an editor can close the element."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


def json_ld(data):
    text = json.dumps(data, ensure_ascii=False)
    for char, escaped in ESCAPES:
        text = text.replace(char, escaped)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
