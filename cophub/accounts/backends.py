from django.contrib.auth.backends import BaseBackend

from .permissions import is_secretariat

# The apps whose records the secretariat manages in the admin.
SECRETARIAT_APPS = frozenset(
    {
        "core",
        "accounts",
        "workgroup",
        "consultations",
        "resources",
        "helplines",
        "countries",
        "statistics",
        "coordination",
        "axes",  # paused sign-ins: the secretariat sees them and lifts one by deleting it
    }
)


class SecretariatRoleBackend(BaseBackend):
    """Grants the secretariat role the permissions its work needs, without per-user grants.

    Authentication stays with ModelBackend; this backend only answers permission questions.
    """

    def has_perm(self, user_obj, perm, obj=None):
        return is_secretariat(user_obj) and perm.partition(".")[0] in SECRETARIAT_APPS

    def has_module_perms(self, user_obj, app_label):
        return is_secretariat(user_obj) and app_label in SECRETARIAT_APPS
