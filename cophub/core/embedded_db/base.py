"""Django's PostgreSQL backend, over the embedded server (see the package's docstring)."""

from django.db.backends.postgresql import base

from cophub.core.embedded_db import server


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        settings_dict = self.settings_dict
        if not settings_dict.get("HOST"):
            # For the default connection this dictionary is settings.DATABASES["default"]:
            # whatever reads the host from there afterwards (pg_dump for a backup, a test's
            # second connection) finds the server's socket.
            settings_dict["HOST"] = server.socket_dir(settings_dict["DATA_DIR"])
            name = settings_dict.get("NAME")
            if name and not name.startswith("test_"):  # test databases: the test runner's own
                server.ensure_database(
                    host=settings_dict["HOST"], user=settings_dict["USER"], name=name
                )
        return super().get_connection_params()
