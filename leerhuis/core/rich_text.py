"""All rich text of the site is rendered here: Wagtail's own rendering (links to pages and
documents expanded), then every transformer that an app above registers with the Wagtail
hook `rich_text_transformers`. That is how the begrippenkader links the begrippen in every
text without core knowing the glossary.

A transformer is `fn(html, context) -> html`, with `context` a RichTextContext: the page
being shown (None outside a page, in a mail say), the request, whether the page wants
begrippen linked automatically (its "Begrippen automatisch linken" switch), and a `state`
dict that lives for one page in one request, so "only the first occurrence on the page"
holds across all the page's texts. Templates use {% rich_text value %} (templatetags/
rich_text.py); nothing renders rich text with Wagtail's |richtext directly.
"""

from dataclasses import dataclass, field

from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.templatetags.wagtailcore_tags import richtext

HOOK = "rich_text_transformers"


@dataclass
class RichTextContext:
    page: object = None
    request: object = None
    state: dict = field(default_factory=dict)

    @property
    def auto_link(self):
        """Link words to their explanation, unless the page's editors switched it off."""
        return self.page is not None and getattr(self.page, "auto_link_terms", True)


def context_for(page=None, request=None):
    """The one context of this page in this request (kept on the request: no module state)."""
    if request is None:
        return RichTextContext(page, None)
    contexts = request.__dict__.setdefault("rich_text_contexts", {})
    key = getattr(page, "pk", None)
    if key not in contexts:
        contexts[key] = RichTextContext(page, request)
    return contexts[key]


def render(value, page=None, request=None):
    """`value` (a RichTextField's HTML or a RichTextBlock's value) as safe HTML."""
    html = str(richtext(value))
    context = context_for(page, request)
    for transform in hooks.get_hooks(HOOK):
        html = transform(html, context)
    return mark_safe(html)  # noqa: S308 (Wagtail's rendering, then trusted transformers)
