"""JSON bodies with limits: too large is a 413, too deeply nested or not JSON is a 400,
always in Dutch and never a 500 (Python's parser gives up with a RecursionError on
deep nesting, which DRF's own parser lets through)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 20


class TooDeep(ParseError):
    """Nesting beyond MAX_DEPTH; its Dutch detail is shown as it is (core.api.problems)."""

    default_detail = f"De JSON-invoer is te diep genest (meer dan {MAX_DEPTH} lagen)."


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


def _depth(value: Any) -> int:
    """Nesting depth without recursion (the thing being guarded against)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            return level
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


class BoundedJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        limit = int(getattr(settings, "WEERBAAR_API_MAX_JSON_BYTES", 1024 * 1024))
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise BodyTooLarge(f"De JSON-invoer is te groot (meer dan {limit // 1024} kB).")
        try:
            data = json.loads(raw.decode("utf-8")) if raw else None
        except RecursionError:
            raise TooDeep() from None
        except (UnicodeDecodeError, ValueError) as error:
            raise ParseError(f"Geen geldige JSON: {error}.") from None
        if _depth(data) > MAX_DEPTH:
            raise TooDeep()
        return data
