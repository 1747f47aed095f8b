"""The app's request: JSON nested too deep to read is a bad request like any other bad JSON
(Python's parser raises RecursionError, which is not a ValueError, so Flask answered 500)."""

from typing import Any

from flask import Request


class SafeRequest(Request):
    """A Flask request whose JSON body, however deeply nested, is read or refused with 400."""

    def get_json(self, force: bool = False, silent: bool = False, cache: bool = True) -> Any:
        """As Flask's, with RecursionError handled as malformed JSON."""
        try:
            return super().get_json(force=force, silent=silent, cache=cache)
        except RecursionError as error:
            if silent:
                return None
            return self.on_json_loading_failed(ValueError(f"JSON nested too deeply: {error}"))
