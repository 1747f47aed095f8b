"""Browser tests' shared pieces: the live server's fixed data, clicking, narrow screens, and
telling one page state from another."""

import hashlib
import re
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
STAFF_EMAIL = "browser.admin@tower-hamlets.example"
STAFF_PASSWORD = "browser test password 123"
OPPORTUNITY_CODE = "BRWSR234"
NARROW = {"width": 320, "height": 640}
SCRIPT = re.compile(r"<script\b.*?</script>", re.S)

# The page as axe and HTML_CodeSniffer see it, without what changes from one request to the next
# and not from one state to another: nonces, CSRF tokens and values, queries and tokens in
# addresses.
_STATE_SCRIPT = """() => {
  const volatile = new Set(["nonce", "value", "data-csrf"]);
  const linking = new Set(["href", "action", "src"]);
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) { out.push(node.textContent.trim()); return; }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const attributes = [...node.attributes]
      .filter((a) => !volatile.has(a.name))
      .map((a) => a.name + "=" + (linking.has(a.name) ? a.value.split("?")[0] : a.value))
      .sort().join(" ");
    out.push("<" + node.tagName + " " + attributes + ">");
    if (node.tagName !== "SCRIPT") node.childNodes.forEach(walk);
    out.push("</" + node.tagName + ">");
  };
  walk(document.documentElement);
  return [location.pathname, innerWidth, innerHeight, out.join("")];
}"""
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,}")


def page_state(page) -> str:
    """A fingerprint of what the scanners would check on this page: its path, viewport and DOM
    (tags, attributes and text), with per-request values and long tokens left out."""
    path, width, height, dom = page.evaluate(_STATE_SCRIPT)
    text = _TOKEN.sub("*", f"{path} {width}x{height} {dom}")
    return hashlib.sha256(text.encode()).hexdigest()


def click(page, selector):
    """Click something that navigates, and wait for the new page."""
    with page.expect_navigation():
        page.click(selector)


def fits_width(page, width: int) -> bool:
    """Whether the page fits `width` pixels without scrolling sideways."""
    return page.evaluate("document.documentElement.scrollWidth") <= width
