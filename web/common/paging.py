"""Pages of a long list: which page was asked for, and GOV.UK pagination's parameters."""

import math
from collections.abc import Callable, Sequence
from typing import TypeVar

from flask import abort, request

Item = TypeVar("Item")
AROUND = 2  # page links either side of the current one


def page_of(items: Sequence[Item], per_page: int) -> tuple[Sequence[Item], int, int]:
    """The items on the page asked for (`?page=`), the page and how many pages; 404 for a
    page that does not exist."""
    pages = max(1, math.ceil(len(items) / per_page))
    page = request.args.get("page", 1, type=int)
    if not 1 <= page <= pages:
        abort(404)
    return items[(page - 1) * per_page : page * per_page], page, pages


def pagination(page: int, pages: int, href: Callable[[int], str], label: str) -> dict | None:
    """govukPagination's parameters: the first, last and nearby pages, with gaps shown."""
    if pages <= 1:
        return None
    items: list[dict] = []
    for number in range(1, pages + 1):
        if number in (1, pages) or abs(number - page) <= AROUND:
            items.append({"number": number, "href": href(number), "current": number == page})
        elif abs(number - page) == AROUND + 1:
            items.append({"ellipsis": True})
    return {
        "items": items,
        "previous": {"href": href(page - 1)} if page > 1 else None,
        "next": {"href": href(page + 1)} if page < pages else None,
        "landmarkLabel": label,
    }
