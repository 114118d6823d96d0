"""The meeting page editor as a browser would post it: the form as drawn, changed, sent."""

from bs4 import BeautifulSoup

STREAMS = ("body", "questions", "materials")


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def form_data(page_html):
    """What the browser would send from the page editor as it stands."""
    form = BeautifulSoup(page_html, "html.parser").select_one("form#page-edit-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "select":
            chosen = field.select("option[selected]")
            if field.has_attr("multiple"):
                data[name] = [option.get("value", "") for option in chosen]
            else:
                data[name] = chosen[0].get("value", "") if chosen else ""
        elif field.name == "textarea":
            data[name] = field.get_text()
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    # StreamFields are drawn by the admin's scripts; the factory's meetings leave them empty.
    for name in STREAMS:
        data.pop(name, None)
        data[f"{name}-count"] = "0"
    return data


def publish(client, page, data):
    return client.post(edit_url(page), {**data, "action-publish": "action-publish"})


def errors(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(e.get_text(" ", strip=True) for e in soup.select(".error-message"))
