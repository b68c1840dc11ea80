"""Plain Python values in and out of the engines: parameters are checked, results unwrapped."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from graph.errors import StatementFailed

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def check_parameters(params: Mapping[str, Any]) -> None:
    """Refuse values no engine stores faithfully, naming the parameter.

    Both engines would otherwise clamp, reject or corrupt them silently: integers beyond
    64 bits, NaN and infinities, strings with NUL or lone UTF-16 surrogates.
    """
    for key, value in params.items():
        _check_value(value, key)


def _check_value(value: Any, where: str) -> None:
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise StatementFailed(f"parameter {where}: integer outside the 64-bit range")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise StatementFailed(f"parameter {where}: NaN and infinity cannot be stored")
    elif isinstance(value, str):
        if "\x00" in value:
            raise StatementFailed(f"parameter {where}: text contains a NUL character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise StatementFailed(f"parameter {where}: text is not valid Unicode") from exc
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str) or not key.isidentifier():
                raise StatementFailed(f"parameter {where}: map key {key!r} is not a plain name")
            _check_value(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_value(item, f"{where}[{index}]")
    else:
        raise StatementFailed(f"parameter {where}: unsupported type {type(value).__name__}")


def plain(value: Any) -> Any:
    """Recursively turn driver containers (OrderedDict, tuples) into dicts and lists."""
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value
