"""The bench runner itself works: a short run prints every figure with its baseline."""

import json
import subprocess
import sys
from pathlib import Path

import pytest


# The runner is checked on the home-page figure over the reference data alone; each module's
# figures load large data sets and are run by `make bench`, not by the suite.
@pytest.mark.timeout(600)
def test_bench_runs_and_reports_each_figure_with_its_baseline(tmp_path, bench_on_the_tests_server):
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "run.py"), "--requests", "40", "--concurrency", "2", "--only", "home_page", "--no-demo", "--json", str(out)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(out.read_text())
    assert {figure["figure"] for figure in figures} >= {"home page /en/", "home page /ar/"}
    for figure in figures:
        # Every request of both the page and its baseline answered 200, and the line a reader
        # sees carries the figures the JSON holds.
        assert figure["errors"] == 0
        assert (
            f"{figure['figure']}: {figure['req_per_s']} req/s vs bare view "
            f"{figure['baseline_req_per_s']} req/s (ratio {figure['throughput_ratio']})"
        ) in result.stdout


def test_a_figure_is_the_page_against_its_baseline_and_counts_every_failed_request(capsys):
    import harness

    page = harness.Load(requests=50, seconds=0.5, latencies_ms=[2.0] * 49 + [9.0], errors=1)
    bare = harness.Load(requests=80, seconds=0.2, latencies_ms=[1.0] * 80, errors=2)
    figure = harness.print_figure("a page", page, bare)
    assert (figure["req_per_s"], figure["baseline_req_per_s"]) == (100.0, 400.0)
    assert figure["throughput_ratio"] == 0.25
    assert (figure["p95_ms"], figure["baseline_p95_ms"], figure["p95_ratio"]) == (2.0, 1.0, 2.0)
    assert figure["errors"] == 3
    assert "a page: 100.0 req/s vs bare view 400.0 req/s (ratio 0.25)" in capsys.readouterr().out
