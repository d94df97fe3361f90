"""The API as documented: schemathesis generates requests from the committed openapi.yaml
(valid and invalid, boundary values, every operation) against a running Weerbaar with a
region of real-looking records, once without credentials and once with a partner token.
Any 5xx, any undocumented status or media type, a body outside its schema, an invalid
request accepted or a valid one refused fails the test.

``WEERBAAR_FUZZ_EXAMPLES`` sets the examples per operation (default 5, for make test);
the long run in the closing note used 200.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from weerbaar.accounts.api.authentication import issue
from weerbaar.tests.world import build

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = int(os.environ.get("WEERBAAR_FUZZ_EXAMPLES", "5"))
CLI = Path(sys.executable).with_name("schemathesis")


def json_bodies_only(source: Path, target: Path) -> Path:
    """The committed schema with request bodies in JSON only. In multipart/form-data every
    part is text, so a "wrong type" (a number where text belongs) cannot be sent that way,
    yet schemathesis counts its acceptance as a violation; multipart is tested on its own
    (signals/tests/test_channel_hardening.py, test_public_api.py)."""
    schema = yaml.safe_load(source.read_text(encoding="utf-8"))
    for item in schema["paths"].values():
        for operation in item.values():
            content = (
                operation.get("requestBody", {}).get("content", {})
                if isinstance(operation, dict)
                else {}
            )
            if "application/json" in content:
                for other in [media for media in content if media != "application/json"]:
                    del content[other]
    target.write_text(yaml.safe_dump(schema, allow_unicode=True), encoding="utf-8")
    return target


def _schemathesis(schema: Path, url: str, report_dir: Path, headers: list[str]) -> tuple[int, str]:
    command = [
        str(CLI),
        "--config-file",
        str(ROOT / "schemathesis.toml"),
        "run",
        str(schema),
        # every check is on (schemathesis.toml says where one is not, and why)
        "--url",
        f"{url}/api/v1",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        "20261202",
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--no-color",
        "--report-dir",
        str(report_dir),
        *headers,
    ]
    run = subprocess.run(  # noqa: S603 - our own CLI, fixed arguments
        command, capture_output=True, text=True, timeout=1500, check=False
    )
    return run.returncode, run.stdout


def test_the_api_answers_as_its_schema_says(
    live_server: Any, settings: Any, tmp_path: Path
) -> None:
    """One region, two callers: an outsider without credentials, and the police's partner
    system with its token (which may read, and is refused writes it has no right to)."""
    world = build()
    # the limiter has its own tests; here it would turn valid reports into 429s
    settings.WEERBAAR_RATE_LIMITS = {
        name: (1_000_000, 0.001)
        for name in ("melden", "melden:iedereen", "status", "status:iedereen")
    }
    _, key = issue(world.agent, "schemathesis")
    url = live_server.url.replace("localhost", "127.0.0.1")
    schema = json_bodies_only(ROOT / "openapi.yaml", tmp_path / "openapi-json.yaml")
    for name, headers in (
        ("zonder sleutel", []),
        ("met partnersleutel", ["--header", f"Authorization: Token {key}"]),
    ):
        code, output = _schemathesis(schema, url, tmp_path / name, headers)
        summary = output[-8000:]
        print(f"== {name}\n{summary}")  # the figures for the closing note
        assert code == 0, summary
        generated = re.search(r"(\d+) generated, (\d+) passed", output)
        assert generated, summary
        assert generated[1] == generated[2], summary
