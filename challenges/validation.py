"""Checking inputs field by field: every problem names its field and what is allowed.

A `Checker` collects the issues of one input and raises them together (`Invalid`), so a
client learns everything wrong with a form at once. Values come in as JSON-shaped data.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from challenges.errors import FieldIssue, Invalid

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
SHORT = 300
LONG = 20_000


class Checker:
    """Validates the fields of one input; `done()` raises every issue found."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.issues: list[FieldIssue] = []

    def name(self, field: str) -> str:
        if not self.prefix or not field:
            return self.prefix or field
        return f"{self.prefix}{field}" if field.startswith("[") else f"{self.prefix}.{field}"

    def fail(self, field: str, message: str, code: str = "INVALID") -> None:
        self.issues.append(FieldIssue(self.name(field), message, code))

    def done(self) -> None:
        if self.issues:
            raise Invalid(self.issues)

    def text(
        self, field: str, value: Any, *, required: bool = False, max_length: int = SHORT
    ) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, "is required", "REQUIRED")
            return None
        if not isinstance(value, str):
            self.fail(field, "must be a text")
            return None
        bad = _FORBIDDEN.search(value)
        if bad is not None:
            self.fail(field, f"contains the character U+{ord(bad.group()):04X}, not allowed")
            return None
        cleaned: str = value.strip()
        if len(cleaned) > max_length:
            self.fail(field, f"must be at most {max_length} characters")
            return None
        return cleaned

    def localized(
        self, field: str, value: Any, *, required: bool = False, max_length: int = LONG
    ) -> dict[str, str | None]:
        """A text in Greek (`el`), English (`en`) or both."""
        if value is None:
            if required:
                self.fail(field, "must be given in Greek, English or both", "REQUIRED")
            return {"el": None, "en": None}
        if not isinstance(value, Mapping) or set(value) - {"el", "en"}:
            self.fail(field, "must be an object with `el` and/or `en`")
            return {"el": None, "en": None}
        el = self.text(f"{field}.el", value.get("el"), max_length=max_length)
        en = self.text(f"{field}.en", value.get("en"), max_length=max_length)
        if required and el is None and en is None:
            self.fail(field, "must be given in Greek, English or both", "REQUIRED")
        return {"el": el, "en": en}

    def url(self, field: str, value: Any) -> str | None:
        text = self.text(field, value, max_length=2000)
        if text is None:
            return None
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
            self.fail(field, "must be an http:// or https:// address, e.g. https://example.org")
            return None
        return text

    def zone(self, field: str, value: Any, *, required: bool = True) -> str | None:
        text = self.text(field, value, required=required, max_length=64)
        if text is None:
            return None
        try:
            ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError):
            self.fail(field, "must be an IANA time zone such as Europe/Athens")
            return None
        return text

    def moment(self, field: str, value: Any, *, required: bool = False) -> datetime | None:
        """A date and time with its UTC offset (ISO 8601 text or an aware datetime)."""
        if value is None:
            if required:
                self.fail(field, "is required", "REQUIRED")
            return None
        parsed: datetime | None = None
        if isinstance(value, datetime):
            parsed = value
        elif isinstance(value, str):
            try:
                parsed = datetime.fromisoformat(value.strip())
            except ValueError:
                parsed = None
        if parsed is None:
            self.fail(field, "must be a date and time such as 2027-03-01T18:00:00+02:00")
            return None
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            self.fail(field, "must include a UTC offset, e.g. 2027-03-01T18:00:00+02:00")
            return None
        if not 2000 <= parsed.year <= 2200:
            self.fail(field, "must lie between the years 2000 and 2200")
            return None
        return parsed

    def integer(
        self, field: str, value: Any, *, minimum: int, maximum: int, required: bool = False
    ) -> int | None:
        if value is None:
            if required:
                self.fail(field, "is required", "REQUIRED")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, f"must be a whole number between {minimum} and {maximum}")
            return None
        if not minimum <= value <= maximum:
            self.fail(field, f"must be between {minimum} and {maximum}")
            return None
        return value

    def number(
        self, field: str, value: Any, *, minimum: float, maximum: float, required: bool = True
    ) -> float | None:
        if value is None:
            if required:
                self.fail(field, "is required", "REQUIRED")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            self.fail(field, f"must be a number between {minimum:g} and {maximum:g}")
            return None
        if not minimum <= value <= maximum:
            self.fail(field, f"must be between {minimum:g} and {maximum:g}")
            return None
        return float(value)

    def choice(
        self, field: str, value: Any, allowed: Iterable[str], *, required: bool = True
    ) -> str | None:
        options = list(allowed)
        if value is None:
            if required:
                self.fail(field, f"is required: one of {', '.join(options)}", "REQUIRED")
            return None
        if value not in options:
            self.fail(field, f"must be one of {', '.join(options)}")
            return None
        return str(value)

    def tags(self, field: str, value: Any, *, max_items: int = 50) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(field, "must be a list of texts")
            return []
        if len(value) > max_items:
            self.fail(field, f"must have at most {max_items} items")
            return []
        found = [
            self.text(f"{field}[{i}]", item, required=True, max_length=100)
            for i, item in enumerate(value)
        ]
        return list(dict.fromkeys(item for item in found if item is not None))

    def node_id(self, field: str, value: Any, *, required: bool = True) -> str | None:
        """A node id of the graph (a UUID)."""
        if value is None:
            if required:
                self.fail(field, "is required", "REQUIRED")
            return None
        try:
            return str(uuid.UUID(str(value)))
        except ValueError:
            self.fail(field, "is not an id of this hub", "INVALID_ID")
            return None

    def node_ids(self, field: str, value: Any, *, max_items: int = 200) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or len(value) > max_items:
            self.fail(field, f"must be a list of at most {max_items} ids")
            return []
        found = [self.node_id(f"{field}[{i}]", item) for i, item in enumerate(value)]
        return list(dict.fromkeys(item for item in found if item is not None))

    def unknown(self, data: Mapping[str, Any], known: Iterable[str]) -> None:
        for key in sorted(set(data) - set(known)):
            self.fail(key, "is not a known field")


def check_id(field: str, value: Any) -> str:
    checker = Checker()
    found = checker.node_id(field, value)
    checker.done()
    assert found is not None
    return found
