"""``POST /api/v1/assessments``: the rule engine over HTTP, exactly as the contract says.

The body is read raw and validated by the engine itself, so an invalid proposal gets the
contract's error JSON (422) rather than the framework's own validation format; the
OpenAPI document still shows the full proposal schema.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from ninja import Router, Schema

from glabella.rules.contract import Assessment, Proposal
from glabella.rules.engine import assess_text
from glabella.rules.errors import ProposalError

router = Router(tags=["assessments"])


class ErrorDetail(Schema):
    field: str
    message: str


class ErrorBody(Schema):
    error: ErrorDetail


def inline_schema(model: type[Proposal]) -> dict[str, Any]:
    """The model's JSON schema with every ``$ref`` replaced by its definition."""
    schema = model.model_json_schema()
    definitions = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                return resolve(definitions[ref.rsplit("/", 1)[-1]])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    resolved: dict[str, Any] = resolve(schema)
    return resolved


@router.post(
    "/assessments",
    response={200: Assessment, 422: ErrorBody},
    summary="Assess a treatment proposal",
    by_alias=True,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": inline_schema(Proposal)}},
        }
    },
)
def create_assessment(request: HttpRequest) -> JsonResponse:
    """Return the assessment (verdict, findings, totals) or the contract's error JSON."""
    try:
        result = assess_text(request.body.decode("utf-8", errors="replace"))
    except ProposalError as exc:
        return JsonResponse(exc.to_json(), status=422)
    return JsonResponse(result)
