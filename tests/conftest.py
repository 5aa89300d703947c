"""Shared pytest configuration.  Areas add their own options and fixtures here."""
from __future__ import annotations


def pytest_addoption(parser):
    # Property-based tests (tests/test_hostile_props.py) run a few seconds by default;
    # `pytest --hypothesis-long` runs them much longer (e.g. before a release).
    parser.addoption("--hypothesis-long", action="store_true", default=False,
                     help="run the property-based tests with many more examples")


def pytest_configure(config):
    from hypothesis import HealthCheck, settings

    common = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
                  derandomize=False)
    settings.register_profile("ledger-short", max_examples=25, **common)
    settings.register_profile("ledger-long", max_examples=2000, **common)
    settings.load_profile("ledger-long" if config.getoption("--hypothesis-long") else "ledger-short")
