"""The country comparison matrix (every ITU Member State × every checklist item) and a country
profile, against the bare Django view, same server, same run.

The demo data fills fifteen countries; before measuring, this figure fills every ITU Member
State with invented measures through the import command (`import_country_measures`), run
against the bench server's own database, so that the matrix is measured full.
"""

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import PROJECT_DIR, compare, print_figure

STATUSES = ["in_force", "draft", "none", "unknown"]


def _server_environment(port: int) -> dict[str, str]:
    """The environment of the bench server (a child of this process) listening on `port`."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == os.getpid() and f"127.0.0.1:{port}".encode() in cmdline:
            raw = (entry / "environ").read_bytes().split(b"\0")
            return dict(item.decode().split("=", 1) for item in raw if b"=" in item)
    raise RuntimeError("the bench server's process was not found")


def _seed_every_member_state(port: int) -> int:
    env = _server_environment(port)
    with open(PROJECT_DIR / "cophub/core/data/countries.csv", encoding="utf-8") as handle:
        members = [row["iso2"] for row in csv.DictReader(handle) if row["itu_member"] == "1"]
    checklist = json.loads((PROJECT_DIR / "cophub/countries/data/checklist.json").read_text())
    codes = [entry["code"] for entry in checklist]
    rng = random.Random(179)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["country", "item", "status", "evidence_title", "evidence_year", "evidence_url"]
        )
        for iso2 in members:
            for code in codes:
                status = rng.choice(STATUSES)
                evidence = ["Bench evidence (demo data)", "2020", "https://example.org/bench"]
                writer.writerow(
                    [iso2, code, status, *(evidence if status == "in_force" else ["", "", ""])]
                )
    try:
        subprocess.run(
            [sys.executable, "-m", "cophub", "import_country_measures", handle.name],
            env=env, cwd=PROJECT_DIR, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    finally:
        os.unlink(handle.name)
    return len(members)


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    countries = _seed_every_member_state(port)
    figures = []
    for name, path in [
        (f"comparison matrix, {countries} countries /en/", "/en/countries/compare/"),
        ("comparison matrix, Africa /ar/", "/ar/countries/compare/?region=AFR"),
        ("country profile /ru/countries/KE/", "/ru/countries/KE/"),
    ]:
        page, base = compare(host, port, path=path, requests=requests, concurrency=concurrency)
        figures.append(print_figure(name, page, base))
    return figures
