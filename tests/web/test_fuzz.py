"""API parameters fuzzed from the OpenAPI description (schemathesis, in process over ASGI):
whatever the query, no server error."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from schemathesis import GenerationMode  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402

EXAMPLES = 15  # per operation and mode; 17 operations


def test_no_server_error_for_any_parameters(app):
    api = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [op.ok() for op in api.get_all_operations()]
    assert len(operations) >= 15
    failures = []
    for operation, mode in [(op, m) for op in operations
                            for m in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]:
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case):
            response = case.call()
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, case.query,
                                 response.status_code, response.text[:200]))
        run()
    assert not failures, failures[:5]
