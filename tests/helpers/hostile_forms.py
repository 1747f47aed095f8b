"""Hostile form data: a page's POST forms read from its HTML, and malformed variants of them.

A variant is what one request sends: pairs of (name, value) encoded as a browser would, or a
raw body for what no browser sends (invalid UTF-8, over the size limit, a file where text was
expected). Variants change one field at a time from values that would be accepted, so each
one reaches past the form's other checks.
"""

import io
import random
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
# What a page shows only if it failed to escape one of the payloads above.
UNESCAPED = (SCRIPT, "<img src=x onerror=alert(1)>")
OVER_LONG = ("Lots to say about it. " * 4_600)[:100_000]
DROP = "'; DROP TABLE conversations; --"
TEMPLATE = "{{ 7 * 7 }}"
SMILES = "🙂" * 40
HOSTILE_VALUES = (
    SCRIPT,
    IMAGE,
    DROP,
    "1 OR 1=1",
    "-1",
    "0",
    "1e309",
    "99999999999999999999",
    "9" * 5000,
    "NaN",
    "-Infinity",
    "twelve",
    "not-a-choice",
    "",
    "   ",
    "\x00\x07\x1b[31m",
    "\u202egnp.exe",
    SMILES,
    TEMPLATE,
    "../../etc/passwd",
    "%ff%fe",
)
# Accepted as free text, these must be kept as they were typed.
KEPT_WHOLE = {SCRIPT, IMAGE, DROP, "1 OR 1=1", TEMPLATE, SMILES}
MAX_BODY = 1024 * 1024


@dataclass(frozen=True)
class PageForm:
    """A POST form as a browser would send it unchanged: its path and its (name, value) pairs."""

    path: str
    pairs: tuple[tuple[str, str], ...]
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    texts: frozenset[str] = frozenset()  # Fields typed into freely: text inputs and areas.

    def names(self) -> list[str]:
        """Each field's name once (an unanswered radio group's too), without the CSRF token."""
        names = [n for n, _ in self.pairs if n != "csrf_token"] + list(self.choices)
        return list(dict.fromkeys(names))


@dataclass(frozen=True)
class Variant:
    """One hostile request: form pairs, or a raw body with its content type."""

    label: str
    pairs: tuple[tuple[str, object], ...] = ()
    body: bytes | None = None
    content_type: str = "application/x-www-form-urlencoded"
    field: str | None = None  # The one field changed, if only one was.
    hostile_text: str | None = None  # Its value, if it must be kept whole once accepted.
    expect: int | None = None  # The status it must get: 400 means its CSRF token is missing.

    def request(self) -> dict:
        """Keyword arguments for the test client's post()."""
        if self.body is not None:
            return {"data": self.body, "content_type": self.content_type}
        if any(isinstance(value, tuple) for _, value in self.pairs):
            return {"data": _multidict(self.pairs), "content_type": "multipart/form-data"}
        return {"data": _encode(self.pairs), "content_type": self.content_type}


def _encode(pairs) -> bytes:
    return "&".join(f"{quote(n, safe='')}={quote(v, safe='')}" for n, v in pairs).encode()


def _multidict(pairs) -> dict:
    data: dict[str, list] = {}
    for name, value in pairs:
        if isinstance(value, tuple):
            value = (io.BytesIO(value[0]), value[1])
        data.setdefault(name, []).append(value)
    return data


def post_forms(html: str, page_path: str) -> list[PageForm]:
    """Every POST form on a page, with what a browser would send if nothing were changed."""
    soup = BeautifulSoup(html, "lxml")
    found = []
    for form in soup.find_all("form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        path = urlsplit(form.get("action") or page_path).path or page_path
        pairs, choices, texts = [], {}, set()
        for tag in form.find_all(["input", "select", "textarea", "button"]):
            name = tag.get("name")
            if not name or tag.has_attr("disabled"):
                continue
            pairs.extend((name, value) for value in _sent(tag, choices, name))
            if tag.name == "textarea" or (tag.name == "input" and _typed(tag)):
                texts.add(name)
        found.append(PageForm(path, tuple(pairs), choices, frozenset(texts)))
    return found


def _typed(tag) -> bool:
    return (tag.get("type") or "text").lower() in ("text", "search", "email") and (
        tag.get("inputmode") != "numeric"
    )


def _sent(tag, choices: dict, name: str) -> list[str]:
    """What a browser sends for one control, noting the options of choice controls."""
    kind = (tag.get("type") or "").lower()
    if tag.name == "select":
        options = [o.get("value", o.get_text()) for o in tag.find_all("option")]
        choices[name] = tuple(options)
        chosen = [o.get("value", o.get_text()) for o in tag.find_all("option", selected=True)]
        return chosen[:1] or options[:1]
    if tag.name == "textarea":
        return [tag.get_text().removeprefix("\n")]
    if kind in ("radio", "checkbox"):
        choices[name] = (*choices.get(name, ()), tag.get("value", "on"))
        return [tag.get("value", "on")] if tag.has_attr("checked") else []
    if tag.name == "button" or kind == "submit":
        return [tag.get("value", "")] if tag.get("value") is not None else []
    return [tag.get("value", "")]


def filled(form: PageForm, valid: dict[str, object]) -> tuple[tuple[str, str], ...]:
    """The form's pairs with `valid` values put in, and the first real option of any choice
    left unanswered, so that each variant gets past the other fields' checks."""
    pairs = [(n, v) for n, v in form.pairs if n not in valid]
    for name, value in valid.items():
        pairs.extend((name, v) for v in (value if isinstance(value, list) else [value]))
    for name, options in form.choices.items():
        real = [option for option in options if option]
        if name not in valid and real and not any(n == name and v for n, v in pairs):
            pairs = [(n, v) for n, v in pairs if n != name] + [(name, real[0])]
    return tuple(pairs)


def _replace(pairs, name: str, value) -> tuple:
    """Pairs with the first value of `name` replaced (added if the field was not sent)."""
    out, done = [], False
    for n, v in pairs:
        if n == name and not done:
            out.append((n, value))
            done = True
        else:
            out.append((n, v))
    return tuple(out) if done else (*out, (name, value))


def field_variants(pairs, name: str, free_text: bool) -> list[Variant]:
    """Every hostile change to one field; if it is free text, what must be kept if accepted."""
    first = next((v for n, v in pairs if n == name), "")
    variants = [
        Variant(
            f"{name}: over-long",
            _replace(pairs, name, OVER_LONG),
            field=name,
            hostile_text=OVER_LONG if free_text else None,
        ),
        Variant(f"{name}: missing", tuple((n, v) for n, v in pairs if n != name)),
        Variant(f"{name}: twice", (*pairs, (name, first))),
        Variant(f"{name}: twice, second hostile", (*pairs, (name, SCRIPT))),
        Variant(f"{name}: a file", _replace(pairs, name, (b"<script>x</script>", "a.html"))),
    ]
    for value in HOSTILE_VALUES:
        text = value if free_text and value in KEPT_WHOLE else None
        changed = _replace(pairs, name, value)
        variants.append(Variant(f"{name}: {value[:30]!r}", changed, field=name, hostile_text=text))
    return variants


def form_variants(pairs) -> list[Variant]:
    """Hostile changes to the whole form: its CSRF token, encoding, size and field names."""
    csrf = [(n, v) for n, v in pairs if n == "csrf_token"]
    rest = [(n, v) for n, v in pairs if n != "csrf_token"]
    names = list(dict.fromkeys(n for n, _ in rest))
    raw_invalid = b"&".join(
        [_encode(csrf)] + [quote(n).encode() + b"=%ff%fe%c3(" + b"\xff\xfe\xc0\xaf" for n in names]
    )
    return [
        Variant("no CSRF token", tuple(rest), expect=400),
        Variant("a forged CSRF token", (("csrf_token", "forged"), *rest), expect=400),
        Variant("nothing but the CSRF token", tuple(csrf)),
        Variant("every field twice", (*pairs, *rest)),
        Variant("invalid UTF-8 in every value", body=raw_invalid),
        Variant("invalid UTF-8 in a name", body=_encode(pairs) + b"&%ff%fe\xff=1"),
        Variant("hostile extra field", (*pairs, (SCRIPT, IMAGE), ("id", "1 OR 1=1"))),
        Variant("a JSON body", body=b'{"a": 1}', content_type="application/json", expect=400),
        Variant("no content type", body=_encode(pairs), content_type="", expect=400),
        Variant("over 1 MB", body=_encode(pairs) + b"&x=" + b"a" * MAX_BODY, expect=413),
    ]


def variants_for(form: PageForm, pairs, rng: random.Random, per_form: int) -> list[Variant]:
    """The whole-form variants, then at most `per_form` field variants, sampled by `rng`."""
    fields = [
        variant
        for name in form.names()
        for variant in field_variants(pairs, name, name in form.texts)
    ]
    if len(fields) > per_form:
        fields = rng.sample(fields, per_form)
    return form_variants(pairs) + fields
