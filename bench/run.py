"""Run every bench figure (bench_*.py beside this file) against one COP Hub server.

Each figure prints itself beside its baseline measured in the same run; `--json FILE` also
writes them all. Usage: python bench/run.py [--requests N] [--concurrency C] [--only NAME]
"""

import argparse
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import cophub_server  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000, help="requests per measured round")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--database", choices=["postgres"], default="postgres")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--only", help="run only bench_NAME.py")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--no-demo",
        action="store_true",
        help="serve the reference data only, without the demo data (checks the runner quickly)",
    )
    args = parser.parse_args(argv)

    names = sorted(path.stem for path in HERE.glob("bench_*.py"))
    if args.only:
        names = [name for name in names if name == f"bench_{args.only}"]
    figures = []
    with cophub_server(database=args.database, workers=args.workers, demo=not args.no_demo) as (
        host,
        port,
    ):
        for name in names:
            module = importlib.import_module(name)
            figures.extend(
                module.run(host, port, requests=args.requests, concurrency=args.concurrency)
            )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0 if all(figure["errors"] == 0 for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
