"""Field types shared by the inputs, and turning pydantic's findings into field-named issues."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pycountry
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from hub.ecosystem.errors import FieldIssue, ValidationFailed

Model = TypeVar("Model", bound=BaseModel)
Item = TypeVar("Item")

# EU usage: Greece is EL and the United Kingdom UK (CORDIS and the funding portal use these).
EU_COUNTRY_ALIASES = {"GR": "EL", "GB": "UK"}
COUNTRY_CODES = frozenset(
    EU_COUNTRY_ALIASES.get(country.alpha_2, country.alpha_2) for country in pycountry.countries
) | {"XK"}

_ALLOWED_CONTROL = {"\n", "\t", "\r"}


# Control characters (Unicode category Cc) other than newline, tab and carriage return,
# and lone UTF-16 surrogates (category Cs): one regex pass instead of a lookup per character.
_FORBIDDEN_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean_text(value: str) -> str:
    control = _FORBIDDEN_CONTROL.search(value)
    if control is not None:
        raise ValueError(
            f"contains the control character U+{ord(control.group()):04X}, which is not allowed"
        )
    if _SURROGATE.search(value) is not None:
        raise ValueError("contains an unpaired surrogate, which is not valid Unicode")
    return value.strip()


def _not_blank(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    return value


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in value:
        raise ValueError("must be an http:// or https:// address, e.g. https://example.org")
    return value


def _country(value: str) -> str:
    code = EU_COUNTRY_ALIASES.get(value.upper(), value.upper())
    if code not in COUNTRY_CODES:
        raise ValueError(
            "must be a two-letter country code (ISO 3166-1, with EL for Greece and UK for the "
            "United Kingdom)"
        )
    return code


def _time_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("must be an IANA time zone such as Europe/Athens") from None
    return value


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("must include a UTC offset, e.g. 2027-02-18T17:00:00+01:00")
    return value


def _one_word(value: str) -> str:
    value = value.strip()
    if not value or any(char.isspace() or not char.isprintable() for char in value):
        raise ValueError("must be one word without spaces, e.g. HORIZON-CL5-2024-D2-01-04")
    return value


def distinct(values: list[Item]) -> list[Item]:
    """The items in their first order, each once."""
    return list(dict.fromkeys(values))


def none_as_empty(value: object) -> object:
    """A list cleared with null becomes the empty list."""
    return [] if value is None else value


def or_none(value: str | None) -> str | None:
    """An empty text as no text, so that it is not stored."""
    return value or None


Text = Annotated[str, AfterValidator(_clean_text)]
Name = Annotated[
    str, Field(max_length=300), AfterValidator(_clean_text), AfterValidator(_not_blank)
]
ShortText = Annotated[str, Field(max_length=300), AfterValidator(_clean_text)]
LongText = Annotated[str, Field(max_length=20_000), AfterValidator(_clean_text)]
Tag = Annotated[str, Field(max_length=100), AfterValidator(_clean_text), AfterValidator(_not_blank)]
Tags = Annotated[list[Tag], Field(max_length=100), AfterValidator(distinct)]
TagList = Annotated[Tags, BeforeValidator(none_as_empty)]
Url = Annotated[str, Field(max_length=2000), AfterValidator(_clean_text), AfterValidator(_http_url)]
Country = Annotated[str, Field(min_length=2, max_length=2), AfterValidator(_country)]
Countries = Annotated[list[Country], Field(max_length=300), AfterValidator(distinct)]
CountryList = Annotated[Countries, BeforeValidator(none_as_empty)]
Identifier = Annotated[str, Field(max_length=200), AfterValidator(_one_word)]
TimeZoneName = Annotated[str, Field(max_length=64), AfterValidator(_time_zone)]
AwareDateTime = Annotated[datetime, AfterValidator(_aware)]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]
Money = Annotated[int, Field(ge=0, le=10**12)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]
Year = Annotated[int, Field(ge=1900, le=2100)]
Pic = Annotated[str, Field(pattern=r"^\d{9}$")]
Vat = Annotated[str, Field(pattern=r"^[A-Z]{2}[0-9A-Z+*.]{2,13}$")]
Email = Annotated[
    str, Field(max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"), AfterValidator(_clean_text)
]


class Localized(BaseModel):
    """A text in Greek, English or both; each kept in its own language."""

    model_config = ConfigDict(extra="forbid")
    el: LongText | None = None
    en: LongText | None = None


def in_some_language(value: Localized) -> Localized:
    """A required bilingual text: Greek, English or both, not blank."""
    if not (value.el or value.en):
        raise ValueError("must be given in Greek, English or both")
    return value


Title = Annotated[Localized, AfterValidator(in_some_language)]


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


_PYDANTIC_MESSAGES = {
    "string_too_long": "must be at most {max_length} characters",
    "string_too_short": "must be at least {min_length} characters",
    "too_long": "must have at most {max_length} items",
    "string_pattern_mismatch": "has the wrong format",
    "missing": "is required",
    "extra_forbidden": "is not a known field",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
}


def _message(error: Mapping[str, Any]) -> str:
    template = _PYDANTIC_MESSAGES.get(str(error["type"]))
    context = {
        key: int(value) if isinstance(value, float) and value.is_integer() else value
        for key, value in (error.get("ctx") or {}).items()
    }
    if template is not None:
        try:
            return template.format(**context)
        except (KeyError, IndexError):
            return template
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def validate(model: type[Model], data: Mapping[str, Any], prefix: str = "input") -> Model:
    """Validate `data`, or raise ValidationFailed naming each field as the client spells it."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        issues = [
            FieldIssue(
                ".".join([prefix, *(_camel(str(part)) for part in error["loc"])]),
                _message(error),
            )
            for error in exc.errors()
        ]
        raise ValidationFailed(issues) from None


def iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def check_period(start: date | None, end: date | None, field: str) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationFailed([FieldIssue(field, "must not be before the start date")])
