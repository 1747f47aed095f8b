"""Where the templates come from (ours, then GOV.UK Frontend's macros) and how they are kept
compiled."""

from pathlib import Path

from flask import Flask
from jinja2 import BytecodeCache, ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from jinja2.bccache import Bucket

from knowledge.vocabulary import CLASSIFICATIONS, amount, plain_number, possessive
from monitoring.evidence_files import size_words
from offer.files import breakable
from offer.submission import closing_text, parse_closing

FOLDER = Path(__file__).resolve().parents[2] / "templates"


class CompiledTemplates(BytecodeCache):
    """Templates compiled once per process and shared by every app built in it (the tests
    build hundreds): Jinja checks each entry against its template's source before using it."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill the bucket from a compiled copy, if there is one."""
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a freshly compiled template."""
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()


def init_app(app: Flask) -> None:
    """Our templates first, GOV.UK Frontend's by prefix; compiled once per process."""
    app.jinja_options = {**app.jinja_options, "bytecode_cache": COMPILED_TEMPLATES}
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(FOLDER)),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    # The service's words for codes, for every page: `{{ quantity | amount(unit) }}`.
    app.jinja_env.filters["amount"] = amount
    app.jinja_env.filters["number"] = plain_number  # 20.0 is "20", 12.5 stays
    app.jinja_env.filters["file_size"] = size_words  # "340 KB", "7.2 MB"
    app.jinja_env.filters["breakable"] = breakable  # long runs wrap cheaply in a PDF
    app.jinja_env.filters["possessive"] = possessive  # "Sandwell's", "Tower Hamlets'"
    # A stored time in UK time and words: "3:15pm on 5 December 2026".
    app.jinja_env.filters["when"] = lambda stored: closing_text(parse_closing(stored))
    app.jinja_env.globals["classifications"] = CLASSIFICATIONS
