import pytest
from django.db import connection

from cophub.conftest import database_url

from .support import pg_params


@pytest.fixture
def media(tmp_path, settings):
    """The source site's file storage, in a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "source-media"
    return settings.MEDIA_ROOT


@pytest.fixture
def new_database():
    """The address of a new, empty database, and how to open it."""
    import psycopg

    name = f"{connection.settings_dict['NAME']}_restored"
    params = pg_params("postgres")
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield database_url(connection.settings_dict, name), pg_params(name)
    finally:
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
