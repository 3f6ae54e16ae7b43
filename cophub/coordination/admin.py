from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from . import services
from .models import Activity, ActivityLink, OverlapMark, Topic


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    """Loaded from data/topics.json after every migrate; changed only in that file, so that the
    codes the API and the overlap finder use stay the same everywhere."""

    list_display = ["code", "label", "order"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ActivityLinkInline(admin.TabularInline):
    model = ActivityLink
    extra = 0
    fields = ["target", "slug", "title", "url"]
    readonly_fields = ["target", "slug", "title", "url"]

    def has_add_permission(self, request, obj=None):
        # Links are checked against the other modules by the services (the register's form).
        return False


@admin.register(Activity)
class ActivityAdmin(TranslationAdmin):
    list_display = ["title", "organisation", "kind", "status", "starts_on", "ends_on", "is_demo"]
    list_filter = ["kind", "status", "original_language", "organisation", "topics", "is_demo"]
    search_fields = ["slug", "title_en", "title_fr", "title_es", "title_ru", "title_ar", "title_zh"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["countries", "regions", "topics", "mandate"]
    readonly_fields = ["inferred_topics", "created_by", "created_at", "updated_at"]
    exclude = ["terms"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [ActivityLinkInline]

    def save_model(self, request, obj, form, change):
        # Keep what the overlap finder reads in step with the texts the secretariat changed.
        services.analyse(obj)
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(OverlapMark)
class OverlapMarkAdmin(admin.ModelAdmin):
    list_display = ["first", "second", "relation", "score", "marked_at"]
    list_filter = ["relation"]
    search_fields = ["first__title_en", "second__title_en", "note"]
    raw_id_fields = ["first", "second"]
    readonly_fields = ["score", "marked_by", "marked_at"]

    def save_model(self, request, obj, form, change):
        obj.marked_by = request.user
        super().save_model(request, obj, form, change)
