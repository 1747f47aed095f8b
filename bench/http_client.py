"""What the benchmarks share: a signed-in staff client, percentiles, printing the result."""

import http.cookiejar
import re
import urllib.parse
import urllib.request
from pathlib import Path


def signed_in_opener(url: str, email: str, password: str) -> urllib.request.OpenerDirector:
    """A cookie-keeping client, signed in as this member of staff."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    page = opener.open(f"{url}/staff/sign-in").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"email": email, "password": password, "csrf_token": token})
    opener.open(f"{url}/staff/sign-in", data=body.encode()).read()
    return opener


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (`share` from 0 to 1); 0 for no values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


def publish(lines: list[str], path: Path | None) -> None:
    """Print the Markdown result, and write it to `path` when one is given."""
    text = "\n".join(lines)
    print(text)
    if path:
        path.write_text(text)
