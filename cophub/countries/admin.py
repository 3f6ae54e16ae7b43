"""The secretariat reads the country records here; changes go through the review page and the
forms on each profile, so that every change is kept in the country's history."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from cophub.core.admin import ReadOnlyAdmin

from .models import Change, ChecklistItem, Measure, Proposal, Roadmap


@admin.register(ChecklistItem)
class ChecklistItemAdmin(ReadOnlyAdmin, TranslationAdmin):
    """Loaded from `countries/data/checklist.json` after every migrate."""

    list_display = ["order", "code", "title", "category"]
    list_filter = ["category"]


@admin.register(Measure)
class MeasureAdmin(ReadOnlyAdmin):
    list_display = ["country", "item", "status", "is_demo", "updated_at"]
    list_filter = ["status", "item__category", "is_demo"]
    list_select_related = ["country", "item"]
    search_fields = ["country__iso2", "country__name", "item__code"]


@admin.register(Roadmap)
class RoadmapAdmin(ReadOnlyAdmin):
    list_display = ["country", "title", "kind", "status", "cop_in_cybersecurity_strategy"]
    list_filter = ["kind", "status", "cop_in_cybersecurity_strategy", "is_demo"]
    list_select_related = ["country"]


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    list_display = ["country", "kind", "proposed_by", "proposed_at", "status", "review_link"]
    list_filter = ["status", "kind"]
    list_select_related = ["country", "proposed_by"]

    @admin.display(description=_("review"))
    def review_link(self, obj):
        url = reverse("countries:proposal-review", kwargs={"pk": obj.pk})
        return format_html('<a href="{}">{}</a>', url, _("Open"))


@admin.register(Change)
class ChangeAdmin(ReadOnlyAdmin):
    list_display = ["country", "at", "action", "item", "subject", "by"]
    list_filter = ["action"]
    list_select_related = ["country", "item", "by"]
    date_hierarchy = "at"
