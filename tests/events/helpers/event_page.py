"""A meeting or leergang page as a visitor reads it, for test_event_page_*.py."""


def html_of(client, page, path=""):
    response = client.get(page.url + path)
    assert response.status_code == 200
    return response.content.decode()
