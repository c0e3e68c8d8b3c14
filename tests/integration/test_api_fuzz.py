"""Property-based fuzzing of every JSON API operation, generated from our own OpenAPI schema.

Bounded: a fixed number of examples per operation, derandomised so CI runs are reproducible.
Every response must be a non-5xx that matches its documented schema and content type.
"""

from __future__ import annotations

import tempfile

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from medcoder.settings import Settings
from medcoder.web.app import create_app

EXAMPLES_PER_OPERATION = 8

app = create_app(Settings(data_dir=tempfile.mkdtemp(prefix="medcoder-fuzz-")))
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors_and_responses_match_the_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(
        checks=[
            schemathesis.checks.not_a_server_error,
            response_schema_conformance,
            content_type_conformance,
        ]
    )
