"""Serializer fields that accept exactly what the OpenAPI schema says."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers


class StrictBooleanField(serializers.BooleanField):
    """``true`` or ``false`` only. DRF also takes yes/no/on/off/1/0, which the schema's
    ``type: boolean`` does not allow, so a client's typo never flips a filter unseen."""

    def to_internal_value(self, data: Any) -> bool:
        if data is True or data == "true":
            return True
        if data is False or data == "false":
            return False
        self.fail("invalid", input=data)
        raise AssertionError  # fail() always raises
