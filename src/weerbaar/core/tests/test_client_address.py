"""The client address behind trusted proxies: the right-most entry none of them wrote."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from django.test import RequestFactory

from weerbaar.core.client_address import client_address


def _request(remote: str, forwarded: str | None = None) -> Any:
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no trusted proxy: the header is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "1.2.3.4, 203.0.113.9", "203.0.113.9"),  # the client wrote 1.2.3.4 itself
        (2, "1.2.3.4, 203.0.113.9, 10.0.0.5", "203.0.113.9"),
        (1, None, "10.0.0.1"),  # a request that did not pass the proxy
        (3, "203.0.113.9", "203.0.113.9"),  # fewer entries than hops: the left-most
    ],
)
def test_client_address(settings: Any, hops: int, forwarded: str | None, expected: str) -> None:
    settings.WEERBAAR_TRUSTED_PROXY_HOPS = hops
    assert client_address(_request("10.0.0.1", forwarded)) == expected


def test_the_old_header_setting_is_refused_with_a_clear_message() -> None:
    env = {**os.environ, "WEERBAAR_CLIENT_ADDRESS_HEADER": "HTTP_X_FORWARDED_FOR"}
    result = subprocess.run(
        [sys.executable, "-c", "import weerbaar.conf.base"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "WEERBAAR_TRUSTED_PROXY_HOPS" in result.stderr
