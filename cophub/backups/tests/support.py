"""What the backup tests share: a new database to restore into, and `cophub` as an operator runs it."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection


def pg_params(name: str) -> dict:
    s = connection.settings_dict
    params = {"dbname": name, "host": s["HOST"], "port": s["PORT"] or 5432, "user": s["USER"]}
    if s["PASSWORD"]:
        params["password"] = s["PASSWORD"]
    return params


def run_cophub(*args, database_url: str, data_dir: Path, **env) -> subprocess.CompletedProcess:
    environment = dict(os.environ)
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment |= {
        "DATABASE_URL": database_url,
        "DJANGO_ENV": "test",
        "COPHUB_DATA_DIR": str(data_dir),
        "COPHUB_ENV_FILE": str(data_dir / "none.env"),
        "LANG": "C.UTF-8",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "cophub", *args],
        env=environment, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
