"""Shared settings of the property-based tests (test_fuzz_*.py, test_schema_api.py).

The suite runs a bounded, derandomised number of examples so that every run tries the same
inputs. COPHUB_FUZZ_EXAMPLES=<n> runs n examples per test from a random seed instead: the
longer run, done by hand (bench/fuzz_long.sh).
"""

import contextlib
import os

from django.db import transaction
from hypothesis import HealthCheck, settings

LONG_RUN = int(os.environ.get("COPHUB_FUZZ_EXAMPLES", "0") or 0)


def fuzz_settings(examples: int, **overrides) -> settings:
    return settings(
        max_examples=LONG_RUN or examples,
        derandomize=not LONG_RUN,
        # No example database: tests write only to temporary folders.
        database=None,
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
        **overrides,
    )


@contextlib.contextmanager
def rolled_back():
    """Run one example in a savepoint that is undone afterwards, so that every example starts
    from the same database."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def table(model) -> list[dict]:
    """Every row of a model, to compare before and after an import."""
    return list(model.objects.order_by("pk").values())
