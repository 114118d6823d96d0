"""schema.org Article for an article page, so search engines show its date, author and
subject (leerhuis.core.structured_data writes the element)."""

from leerhuis.core.association import association_name
from leerhuis.core.structured_data import json_ld as script


def article_json_ld(page, request, themes=(), begrippen=()):
    url = page.get_full_url(request) if page.pk else ""
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "description": page.intro,
        "inLanguage": "nl",
        "publisher": {"@type": "Organization", "name": association_name()},
        "isAccessibleForFree": not page.is_restricted,
    }
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    if page.published_on:
        data["datePublished"] = page.published_on.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.author_name:
        data["author"] = {"@type": "Person", "name": page.author_name}
    elif page.organisation_id and page.organisation.live:
        data["author"] = {"@type": "Organization", "name": page.organisation.name}
    if page.reading_time:
        data["timeRequired"] = f"PT{page.reading_time}M"
    if themes:
        data["keywords"] = [theme.name for theme in themes]
    if begrippen:
        data["about"] = [
            {"@type": "DefinedTerm", "name": concept.pref_label, "@id": concept.uri}
            for concept in begrippen
        ]
    return script(data)
