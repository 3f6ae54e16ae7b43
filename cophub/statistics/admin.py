from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Indicator, Observation, ObservationRevision, Submission


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin):
    list_display = ["code", "name", "unit", "by_sex", "by_age", "by_urbanisation", "by_disability"]
    search_fields = ["code", "name"]
    filter_horizontal = ["mandate"]


class RevisionInline(admin.TabularInline):
    model = ObservationRevision
    extra = 0
    can_delete = False
    readonly_fields = [
        "value",
        "status",
        "confidential",
        "source",
        "note",
        "submission",
        "valid_until",
    ]


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = [
        "indicator",
        "country",
        "period",
        "sex",
        "age",
        "value",
        "status",
        "confidential",
    ]
    list_filter = ["indicator", "status", "confidential", "period"]
    search_fields = ["country__iso2"]
    list_select_related = ["indicator", "country"]
    raw_id_fields = ["submission"]
    inlines = [RevisionInline]
    show_full_result_count = False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = [
        "file_name",
        "format",
        "submitted_by",
        "observation_count",
        "revised_count",
        "submitted_at",
        "demo",
    ]
    list_filter = ["format", "demo"]
    readonly_fields = [
        "submitted_by",
        "file_name",
        "format",
        "observation_count",
        "revised_count",
        "submitted_at",
    ]
