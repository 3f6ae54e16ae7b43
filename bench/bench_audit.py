"""Audit log: what logging adds to a write of a public record.

The same write (an organisation's website changed and saved in its own transaction, as a
service does) is timed with the audit log following the model and, as the baseline, with its signal
handlers disconnected, in alternating rounds on the served database. The difference is the
log's cost per write: one SELECT of the row's earlier values and one INSERT of the entry.
Consultation answers are not followed at all (registry.NOT_FOLLOWED), so their figure in
bench_consultations_submit is unchanged by the log.
"""

import json
import subprocess
import sys

from bench_consultations_submit import server_environment
from harness import PROJECT_DIR, Load, print_figure

SCRIPT = r"""
import json, sys, time
import django
django.setup()
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from cophub.audit import signals
from cophub.core.models import Organisation

writes, rounds = int(sys.argv[1]), int(sys.argv[2])
record = Organisation.objects.order_by("pk").first()  # reference data: in every database
uid = "audit:core.Organisation"

def follow(on):
    if on:
        signals.connect()
    else:
        pre_save.disconnect(sender=Organisation, dispatch_uid=uid)
        post_save.disconnect(sender=Organisation, dispatch_uid=uid)

def write_round(on, count):
    follow(on)
    latencies = []
    for i in range(count):
        start = time.perf_counter()
        with transaction.atomic():
            record.website = f"https://example.org/{on}/{i}"
            record.save(update_fields=["website"])
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies

write_round(True, 50); write_round(False, 50)  # warm up
result = {"followed": [], "baseline": []}
for _ in range(rounds):
    result["baseline"].append(write_round(False, writes))
    result["followed"].append(write_round(True, writes))
print(json.dumps(result))
"""


def _median_round(rounds: list[list[float]]) -> Load:
    loads = [Load(len(r), sum(r) / 1000, r, 0) for r in rounds]
    return sorted(loads, key=lambda load: load.per_second)[len(loads) // 2]


def run(host, port, *, requests: int, concurrency: int) -> list[dict]:
    env = server_environment(port)
    writes = max(50, requests // 4)
    output = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(writes), "3"],
        env=env | {"DJANGO_SETTINGS_MODULE": "cophub.settings"},
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    followed, baseline = _median_round(result["followed"]), _median_round(result["baseline"])
    figure = print_figure("audit: a followed write vs the same write unlogged", followed, baseline)
    added = (followed.seconds - baseline.seconds) / writes * 1000
    print(f"audit: {added:.2f} ms added per write (median rounds of {writes} writes)", flush=True)
    return [figure | {"added_ms_per_write": round(added, 3)}]
