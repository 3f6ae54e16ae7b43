"""The directory for a local `make run`: numbers as the public sources below document them.

Each row names its public source and the date it was last checked against it; rows whose
details are less certain are marked as demo data on the page. Entries older than a year are
listed for the secretariat to check again. Loaded through the import, so the same checks apply.
"""

from pathlib import Path

from cophub.accounts.permissions import SYSTEM
from cophub.core.models import MandateParagraph

from . import exchange, services
from .models import Helpline

DIRECTORY = Path(__file__).resolve().parent / "data" / "directory.csv"
# Helplines of further Member States, each with the public source it was checked against and
# the date: imported unlisted ("listed" = no), hidden from children until the secretariat
# confirms each one ("Confirm and show to children").
TO_CONFIRM = Path(__file__).resolve().parent / "data" / "directory-to-confirm.csv"
# Resolution 179: support for operating helplines (MS/10), dedicated numbers (MS/11), access to
# helplines through ITU-T work (TSB/1).
MANDATE = ["R179/MS/10", "R179/MS/11", "R179/TSB/1"]


def load_demo(*, stdout=None) -> None:
    result = services.import_directory(content=DIRECTORY.read_bytes(), file_format="csv", by=SYSTEM)
    # Loading the demo again leaves alone what the secretariat has confirmed since.
    known = set(Helpline.objects.values_list("key", flat=True))
    rows = [
        row for row in exchange.read_rows(TO_CONFIRM.read_bytes(), "csv") if row["key"] not in known
    ]
    to_confirm = (
        services.import_directory(
            content=exchange.rows_to_csv(rows).encode(), file_format="csv", by=SYSTEM
        )
        if rows
        else None
    )
    # 116 111 where a listed, sourced entry is reached on it: the entry's source is the fact's.
    numbers = services.dedicated_numbers_from_directory(by=SYSTEM)
    paragraphs = list(MandateParagraph.objects.filter(code__in=MANDATE))
    for helpline in Helpline.objects.all():
        helpline.mandate.add(*paragraphs)
    if stdout is not None:
        stdout.write(
            f"Helplines: {result.created} added, {result.updated} updated, "
            f"{result.channels} contact channels; "
            f"{to_confirm.created if to_confirm else 0} more waiting for the secretariat to "
            f"confirm them; 116 111 recorded in service for {numbers} countries."
        )
