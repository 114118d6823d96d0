"""Reading kennisbank pages as a visitor does, for tests/knowledge/."""

import re

CARD_TITLE = re.compile(r'class="article-card__title"><a href="[^"]*">([^<]*)</a>')


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def listed(html):
    """The titles of the article cards, in the order shown."""
    return CARD_TITLE.findall(html)
