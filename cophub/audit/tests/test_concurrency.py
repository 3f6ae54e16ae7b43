"""Writers on several connections never wait for one another, and a seal taken while they write
still covers every entry below it."""

import threading
import time

import pytest
from django.db import connection, transaction

from cophub.audit import services
from cophub.audit.models import Entry
from cophub.audit.verification import verify

from .helpers import last_entry_id

pytestmark = pytest.mark.django_db(transaction=True)


def test_seals_taken_during_concurrent_writes_leave_a_log_that_verifies():
    since = last_entry_id()
    errors = []

    def writer(number):
        try:
            for i in range(15):
                with transaction.atomic():
                    services.record(
                        action="update", model="core.country", object_label=f"{number}-{i}"
                    )
                    # Held open, so that a later entry commits before this earlier one.
                    time.sleep(0.01 * ((number + i) % 3))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    def sealer():
        try:
            for _ in range(10):
                services.seal()
                time.sleep(0.01)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    threads.append(threading.Thread(target=sealer))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    services.seal()
    assert Entry.objects.filter(id__gt=since).count() == 60
    result = verify()
    assert result.problems == []
    assert result.seals >= 2
