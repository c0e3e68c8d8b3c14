"""The one error type every capability raises for input it cannot accept.

The CLI turns it into one line on stderr and exit code 2; the API into a 4xx JSON body; the HTML
pages into a message next to the offending form field. Keeping the field name and the allowed
values on the exception means all three faces say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence


class InvalidInput(ValueError):
    """Input that names a field, says what was wrong, and (when short enough) what is allowed."""

    def __init__(
        self,
        field: str,
        message: str,
        *,
        allowed: Sequence[str] | None = None,
        suggestions: Sequence[str] | None = None,
    ) -> None:
        self.field = field
        self.message = message
        self.allowed = list(allowed) if allowed is not None else None
        self.suggestions = list(suggestions) if suggestions is not None else None
        super().__init__(self.describe())

    def describe(self) -> str:
        text = f"{self.field}: {self.message}"
        if self.suggestions:
            text += f" (did you mean: {', '.join(self.suggestions)}?)"
        if self.allowed:
            shown = self.allowed[:25]
            more = "" if len(self.allowed) <= 25 else f", … ({len(self.allowed)} in all)"
            text += f"; allowed: {', '.join(shown)}{more}"
        return text

    def to_dict(self) -> dict[str, object]:
        body: dict[str, object] = {"field": self.field, "message": self.message}
        if self.allowed is not None:
            body["allowed"] = self.allowed
        if self.suggestions is not None:
            body["suggestions"] = self.suggestions
        return body


class NotFound(LookupError):
    """A well-formed request for something that does not exist (an unknown id, say)."""

    def __init__(self, what: str, key: str) -> None:
        self.what = what
        self.key = key
        super().__init__(f"{what} not found: {key}")


class DataIntegrityError(RuntimeError):
    """A bundled data file does not match the hash recorded in SOURCES.toml."""
