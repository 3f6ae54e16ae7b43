#!/bin/sh
# The long run of the property-based tests: the API against its OpenAPI schema (schemathesis) and
# the importers and uploads (hypothesis), with COPHUB_FUZZ_EXAMPLES examples per test from a random
# seed instead of the suite's small derandomised number. Prints hypothesis's statistics per test.
#   bench/fuzz_long.sh [examples]   (default 1000; DATABASE_URL as for the tests)
set -eu
cd "$(dirname "$0")/.."
COPHUB_FUZZ_EXAMPLES="${1:-1000}" DJANGO_ENV=test exec .venv/bin/pytest -n 0 -q -p no:randomly \
  --hypothesis-show-statistics \
  cophub/core/tests/test_schema_api.py cophub/core/tests/test_uploads_files.py \
  cophub/statistics/tests/test_fuzz_submissions.py cophub/helplines/tests/test_fuzz_import.py \
  cophub/countries/tests/test_fuzz_import.py cophub/resources/tests/test_fuzz_oai.py
