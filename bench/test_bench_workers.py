"""The worker-scaling bench runs and reports its ratio from the rates it prints."""

import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.timeout(600)
def test_bench_workers_reports_the_two_worker_ratio_beside_the_bare_view(
    tmp_path, bench_on_the_tests_server
):
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "bench_workers.py"), "--requests", "40", "--concurrency", "2", "--rounds", "1", "--no-demo", "--json", str(out)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    (figure,) = json.loads(out.read_text())
    # Every request answered 200, at one worker and at two, for COP Hub and for the bare view.
    assert figure["errors"] == 0
    assert f"(ratio {figure['throughput_ratio']})" in result.stdout
    assert "1 worker(s)" in result.stdout and "2 worker(s)" in result.stdout
