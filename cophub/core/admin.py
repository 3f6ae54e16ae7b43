from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import Country, MandateParagraph, Organisation, Region
from .reference import reference_organisation_codes

admin.site.site_header = _("COP Hub secretariat")
admin.site.site_title = _("COP Hub")
admin.site.index_title = _("Secretariat")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows the secretariat reads in the admin but changes elsewhere (data files, services)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReferenceDataAdmin(ReadOnlyAdmin, TranslationAdmin):
    """Rows loaded from `core/data/` after every migrate: shown here, changed only in the data
    files (and their sources), so that every database has the same ones."""


@admin.register(Region)
class RegionAdmin(ReferenceDataAdmin):
    list_display = ["code", "name", "order"]


@admin.register(Country)
class CountryAdmin(ReferenceDataAdmin):
    list_display = [
        "iso2", "name", "region", "itu_member", "ldc", "sids", "lldc", "transition_economy"
    ]  # fmt: skip
    list_filter = ["region", "itu_member", "ldc", "sids", "lldc", "transition_economy"]
    search_fields = ["iso2", "iso3", "name"]
    readonly_fields = ["iso2", "iso3", "numeric"]


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    """Organisations from the data file are read-only here; those the secretariat adds (or that
    approved account requests bring) are its own to edit."""

    list_display = ["code", "acronym", "name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["code", "acronym", "name"]
    autocomplete_fields = ["parent"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.code in reference_organisation_codes():
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.code in reference_organisation_codes():
            return False
        return super().has_delete_permission(request, obj)


@admin.register(MandateParagraph)
class MandateParagraphAdmin(ReferenceDataAdmin):
    list_display = ["code", "title", "resolution", "section", "number"]
    list_filter = ["resolution", "section"]
    search_fields = ["code", "title", "text"]
    readonly_fields = [
        "code",
        "resolution",
        "section",
        "number",
        "order",
        "source_text",
        "text_language",
    ]
