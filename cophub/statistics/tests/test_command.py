import io

import pytest
from django.core.management import CommandError, call_command

from cophub.statistics.models import Observation

from .factories import csv_bytes

pytestmark = pytest.mark.django_db


def test_import_command_shows_progress_and_the_rows_per_second(tmp_path, capsys):
    path = tmp_path / "kenya.csv"
    path.write_bytes(
        csv_bytes(*[f"CYBERBULLYING,KE,{year},_T,_T,{year - 1990}" for year in range(1995, 2025)])
    )
    out = io.StringIO()
    call_command("importobservations", str(path), stdout=out)
    assert "30 rows read: 30 new, 0 revised" in out.getvalue()
    assert "rows/s" in out.getvalue()
    progress = capsys.readouterr().err
    assert "[" in progress and "100.0%" in progress and "30/30 rows" in progress
    assert Observation.objects.count() == 30


def test_import_command_names_the_wrong_rows_and_stores_nothing(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes("CYBERBULLYING,KE,2023,_T,_T,30", "CYBERBULLYING,KE,2024,_T,_T,-3"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was stored"):
        call_command("importobservations", str(path), "--no-progress", stderr=err)
    assert "row 3: The value -3 is out of range" in err.getvalue()
    assert Observation.objects.count() == 0
    with pytest.raises(CommandError, match="No such file"):
        call_command("importobservations", str(tmp_path / "missing.csv"))
