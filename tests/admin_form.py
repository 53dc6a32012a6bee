"""What a browser posts from an admin form as the server rendered it (StreamFields aside:
their inputs are built by the editor's scripts)."""

from __future__ import annotations

from bs4 import BeautifulSoup


def form_data(html: str) -> dict[str, list[str]]:
    """What a browser would post from the page edit form, as rendered."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", attrs={"data-edit-form": True}) or soup.find("form", method="post")
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("disabled") is not None:
            continue
        if field.name == "textarea":
            value = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            value = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.get("checked") is None:
                continue
            value = field.get("value", "on")
        elif field.get("type") in ("submit", "button", "file"):
            continue
        else:
            value = field.get("value", "")
        data.setdefault(name, []).append(value)
    return data
