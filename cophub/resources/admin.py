from django.contrib import admin, messages
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from cophub.core.admin import ReadOnlyAdmin
from cophub.core.errors import DomainError

from . import services, tasks
from .models import Audience, DeletedRecord, GuidelineSet, LanguageVersion, Resource, Topic


class VocabularyAdmin(ReadOnlyAdmin, TranslationAdmin):
    """Loaded from vocabulary.py after every migrate; shown here, changed only in that file, so
    that the codes harvesters and the API use stay the same everywhere."""


@admin.register(Topic)
class TopicAdmin(VocabularyAdmin):
    list_display = ["code", "label", "order"]


@admin.register(Audience)
class AudienceAdmin(VocabularyAdmin):
    list_display = ["code", "label", "min_age", "max_age"]


@admin.register(GuidelineSet)
class GuidelineSetAdmin(VocabularyAdmin):
    list_display = ["code", "title", "audience"]


class LanguageVersionInline(admin.TabularInline):
    model = LanguageVersion
    extra = 0
    fields = ["language", "file", "link", "file_kind"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["file_kind"]


@admin.register(Resource)
class ResourceAdmin(TranslationAdmin):
    list_display = ["title", "kind", "status", "edition", "original_language", "published_on"]
    list_filter = ["kind", "status", "original_language", "guideline_set", "audiences", "topics"]
    search_fields = ["slug", "title_en", "title_fr", "title_es", "title_ru", "title_ar", "title_zh"]
    autocomplete_fields = ["previous_edition", "adapts", "organisation"]
    filter_horizontal = ["audiences", "topics", "countries", "mandate"]
    readonly_fields = ["submitted_by", "submitted_at", "reviewed_by", "created_at", "updated_at"]
    inlines = [LanguageVersionInline]
    actions = ["withdraw"]

    @admin.action(description=_("Withdraw from the repository"), permissions=["change"])
    def withdraw(self, request, queryset):
        """Each through the service, so that harvesters are told (an OAI-PMH deleted record)."""
        for resource in queryset:
            try:
                services.withdraw_resource(resource=resource, reviewer=request.user)
            except DomainError as error:
                self.message_user(request, f"{resource}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("%(resource)s: withdrawn.") % {"resource": resource})

    def save_model(self, request, obj, form, change):
        before = (
            Resource.objects.filter(pk=obj.pk).values("status", "slug").first() if change else None
        )
        super().save_model(request, obj, form, change)
        obj._harvest_before = before

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        resource = form.instance
        before = getattr(resource, "_harvest_before", None)
        # Harvesters learn of a resource withdrawn or moved here (OAI-PMH deleted records).
        services.record_harvest_state(
            resource=resource,
            was_public=bool(before and before["status"] == Resource.Status.PUBLISHED),
            old_slug=before["slug"] if before else "",
        )
        # Keep the search index in step with what the secretariat changed.
        transaction.on_commit(lambda: tasks.build_search_entry(resource))

    def delete_model(self, request, obj):
        services.delete_resources(resources=[obj], by=request.user)

    def delete_queryset(self, request, queryset):
        services.delete_resources(resources=list(queryset), by=request.user)


@admin.register(DeletedRecord)
class DeletedRecordAdmin(ReadOnlyAdmin):
    """What harvesters are told is gone; written only by the services, read here."""

    list_display = ["slug", "set_specs", "deleted_at"]
    search_fields = ["slug"]
    date_hierarchy = "deleted_at"
