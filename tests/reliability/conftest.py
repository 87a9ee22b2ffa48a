"""Reliability tests: one file per guarantee of issue 9, named after what it holds.

Fuzz targets carry `@pytest.mark.fuzz` and set no `max_examples` of their own, so the
Hypothesis profile decides how hard they look: the default in CI, and

    .venv/bin/python -m pytest -m fuzz --hypothesis-profile long -o timeout=0 tests/reliability

for the extended run (100,000 examples per target, no deadline) outside CI.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "long", max_examples=100_000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
