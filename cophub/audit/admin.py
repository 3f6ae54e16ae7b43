from django.contrib import admin

from cophub.accounts.permissions import is_secretariat
from cophub.audit.models import Entry, Seal


class ReadOnlyAdmin(admin.ModelAdmin):
    """The log is read here, never written: the database refuses changes anyway."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return is_secretariat(request.user)


@admin.register(Entry)
class EntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "role", "action", "model", "object_pk", "object_label", "status"]
    list_filter = ["action", "role", "model"]
    search_fields = ["actor", "object_label", "object_pk", "path"]
    date_hierarchy = "at"
    list_per_page = 50
    show_full_result_count = False  # counting a long log on every page is slow


@admin.register(Seal)
class SealAdmin(ReadOnlyAdmin):
    list_display = ["sealed_at", "last_entry_id", "entry_count", "chain"]
