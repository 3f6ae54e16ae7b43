from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from cophub.core.errors import DomainError

from . import services
from .models import (
    AgendaItem,
    Document,
    DocumentFile,
    Group,
    Meeting,
    MeetingRegistration,
    Subscription,
)


@admin.register(Group)
class GroupAdmin(TranslationAdmin):
    list_display = ["code", "name", "kind"]
    search_fields = ["code", "name"]

    # The registry's filter names the groups: a cached registry page must not outlive a change.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.registry_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.registry_changed()


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 1


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "starts_on", "ends_on", "place", "online", "contribution_deadline"]
    list_filter = ["group", "online"]
    inlines = [AgendaItemInline]


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 0
    fields = ["language", "filename", "kind", "size"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(TranslationAdmin):
    list_display = ["__str__", "document_type", "status", "meeting", "late", "submitted_at"]
    list_filter = ["status", "document_type", "meeting__group", "late"]
    search_fields = ["number", "title"]
    readonly_fields = [
        "number", "slug", "serial", "version_number", "status", "submitted_by", "submitted_at",
        "late", "registered_at", "registered_by", "withdrawn_at", "withdrawal_reason", "return_reason",
    ]  # fmt: skip
    autocomplete_fields = ["countries", "organisations", "base", "reply_to"]
    filter_horizontal = ["mandate"]
    inlines = [DocumentFileInline]
    actions = ["register_selected"]

    def has_delete_permission(self, request, obj=None):
        # A registered document is never deleted, only withdrawn (with a reason).
        return False

    def has_add_permission(self, request):
        return False  # documents come in through submission or the reports

    def save_related(self, request, form, formsets, change):
        # An edit here (a title, a source) changes what the registry shows; the admin's change
        # view is one transaction, so the version rises with the edit.
        super().save_related(request, form, formsets, change)
        services.registry_changed()

    @admin.action(description=_("Register the selected submissions"))
    def register_selected(self, request, queryset):
        for document in queryset.order_by("submitted_at"):
            try:
                services.register_document(document=document, registered_by=request.user)
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)


@admin.register(MeetingRegistration)
class MeetingRegistrationAdmin(admin.ModelAdmin):
    list_display = ["meeting", "delegate", "registered_at"]
    list_filter = ["meeting"]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "group", "document_type", "language"]
