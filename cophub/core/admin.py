from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import Country, MandateParagraph, Organisation, Region

admin.site.site_header = _("COP Hub secretariat")
admin.site.site_title = _("COP Hub")
admin.site.index_title = _("Secretariat")


class ReferenceDataAdmin(TranslationAdmin):
    """Rows loaded from `core/data/` by migrations: the secretariat corrects names, and adds or
    removes rows only through the data files, so that every database has the same ones."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(ReferenceDataAdmin):
    list_display = ["code", "name", "order"]


@admin.register(Country)
class CountryAdmin(ReferenceDataAdmin):
    list_display = ["iso2", "name", "region", "itu_member", "ldc", "sids", "lldc"]
    list_filter = ["region", "itu_member", "ldc", "sids", "lldc"]
    search_fields = ["iso2", "iso3", "name"]
    readonly_fields = ["iso2", "iso3", "numeric"]


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["code", "acronym", "name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["code", "acronym", "name"]
    autocomplete_fields = ["parent"]


@admin.register(MandateParagraph)
class MandateParagraphAdmin(ReferenceDataAdmin):
    list_display = ["code", "title", "resolution", "section", "number"]
    list_filter = ["resolution", "section"]
    search_fields = ["code", "title", "text"]
    readonly_fields = ["code", "resolution", "section", "number", "order", "text", "text_language"]
