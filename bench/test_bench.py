"""The bench runner itself works: a short run prints every figure with its baseline."""

import json
import subprocess
import sys
from pathlib import Path

import pytest


# The runner is checked on the home-page figure over the reference data alone; each module's
# figures load large data sets and are run by `make bench`, not by the suite.
@pytest.mark.timeout(600)
def test_bench_runs_and_reports_each_figure_with_its_baseline(tmp_path):
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "run.py"), "--requests", "40", "--concurrency", "2", "--only", "home_page", "--no-demo", "--json", str(out)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(out.read_text())
    assert {figure["figure"] for figure in figures} >= {"home page /en/", "home page /ar/"}
    for figure in figures:
        assert figure["errors"] == 0
        assert figure["req_per_s"] > 0 and figure["baseline_req_per_s"] > 0
        assert figure["throughput_ratio"] == round(
            figure["req_per_s"] / figure["baseline_req_per_s"], 3
        )
        assert figure["figure"] in result.stdout
