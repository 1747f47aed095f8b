"""Parse served HTML and check what every page must have."""

from collections import Counter

from bs4 import BeautifulSoup

REQUIRABLE = {"input", "select", "textarea"}


def parse(response, status: int = 200) -> BeautifulSoup:
    """Parse an HTML response after checking its status, its title, that ids are unique, that
    every fieldset has a legend that says something, that nothing is described by an empty
    element, and that only form controls carry `required`."""
    assert response.status_code == status, f"expected {status}, got {response.status_code}"
    assert response.mimetype == "text/html"
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    title = soup.title.get_text(strip=True) if soup.title else ""
    assert title, "page has no <title>"
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    duplicated = [name for name, count in ids.items() if count > 1]
    assert not duplicated, f"duplicated ids: {duplicated}"
    for fieldset in soup.select("fieldset"):
        legend = fieldset.find("legend")
        assert legend is not None and legend.get_text(strip=True), f"no legend: {fieldset}"[:300]
    wrong = [tag.name for tag in soup.select("[required]") if tag.name not in REQUIRABLE]
    assert not wrong, f"required on {wrong}: only inputs, selects and text areas take it"
    for described in soup.select("[aria-describedby]"):
        for name in described["aria-describedby"].split():
            found = soup.find(id=name)
            assert found is not None and found.get_text(strip=True), f"empty description {name}"
    return soup


def title(soup: BeautifulSoup) -> str:
    """The page's <title> text."""
    return soup.title.get_text(strip=True)


def heading(soup: BeautifulSoup) -> str:
    """The page's <h1> text."""
    return soup.h1.get_text(" ", strip=True)


def error_summary_links(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(text, href) of each link in the GOV.UK error summary."""
    summary = soup.select_one(".govuk-error-summary")
    if summary is None:
        return []
    return [(a.get_text(strip=True), a["href"]) for a in summary.select("a")]


def csrf_token(soup: BeautifulSoup) -> str:
    """The CSRF token of the first form on the page."""
    return soup.select_one("input[name=csrf_token]")["value"]
