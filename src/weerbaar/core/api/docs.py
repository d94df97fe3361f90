"""A human-readable API reference rendered from the generated OpenAPI schema: no CDN,
no JavaScript, so it passes the same CSP and accessibility checks as the other pages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@cache
def generated_schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[dict[str, Any]]
    responses: list[tuple[str, str]]
    anchor: str


def operations(schema: dict[str, Any]) -> list[Operation]:
    result = []
    # paths are relative to the server address (/api/v1), as the Design Rules ask
    base = (schema.get("servers") or [{"url": ""}])[0]["url"].rstrip("/")
    for path, item in schema.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not operation:
                continue
            result.append(
                Operation(
                    method=method.upper(),
                    path=base + path,
                    summary=operation.get("summary", ""),
                    description=operation.get("description", ""),
                    parameters=[
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description", ""),
                            "type": p.get("schema", {}).get("type", ""),
                            "enum": p.get("schema", {}).get("enum", []),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    responses=[
                        (status, response.get("description", ""))
                        for status, response in operation.get("responses", {}).items()
                    ],
                    anchor=operation.get("operationId", f"{method}-{path}"),
                )
            )
    return result


def api_docs(request: HttpRequest) -> HttpResponse:
    schema = generated_schema()
    return render(
        request,
        "core/api_docs.html",
        {"info": schema.get("info", {}), "operations": operations(schema)},
    )
