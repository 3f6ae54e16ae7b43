from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cophub.core.errors import DomainError

from . import services
from .models import AccountRequest, User, staff_status


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "country", "organisation", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["email", "full_name"]
    autocomplete_fields = ["country", "organisation"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "preferred_language"]}),
        (_("Role"), {"fields": ["role", "country", "organisation"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Only a superuser hands out powers beyond the roles.
        if request.user.is_superuser:
            return ["last_login", "date_joined"]
        return [
            "last_login",
            "date_joined",
            "is_superuser",
            "groups",
            "user_permissions",
        ]

    def has_change_permission(self, request, obj=None):
        # A superuser's account is changed by a superuser only: setting its password or address
        # would otherwise hand the secretariat the powers that the fields above keep from it.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        obj.is_staff = staff_status(obj.role, obj.is_superuser)
        super().save_model(request, obj, form, change)

    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "email",
                    "full_name",
                    "role",
                    "country",
                    "organisation",
                    "password1",
                    "password2",
                ],
            },
        ),
    ]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the person"), widget=forms.Textarea(attrs={"rows": 4})
    )


@admin.register(AccountRequest)
class AccountRequestAdmin(admin.ModelAdmin):
    list_display = [
        "full_name",
        "email",
        "role",
        "country",
        "organisation",
        "organisation_name",
        "status",
        "created_at",
    ]
    list_filter = ["status", "role"]
    search_fields = ["full_name", "email", "organisation_name"]
    actions = ["approve", "reject"]
    readonly_fields = [
        "status",
        "created_at",
        "decided_at",
        "decided_by",
        "decision_reason",
        "user",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _base_url(self, request):
        return request.build_absolute_uri("/").rstrip("/")

    @admin.action(
        permissions=["change"],
        description=_("Approve the selected requests and send the set-password links"),
    )
    def approve(self, request, queryset):
        done = 0
        for account_request in queryset:
            try:
                services.approve_account_request(
                    account_request=account_request,
                    decided_by=request.user,
                    base_url=self._base_url(request),
                )
                done += 1
            except DomainError as error:
                self.message_user(request, f"{account_request}: {error}", messages.ERROR)
        if done:
            self.message_user(
                request,
                ngettext("%(n)d request approved.", "%(n)d requests approved.", done) % {"n": done},
            )

    @admin.action(
        permissions=["change"], description=_("Reject the selected requests, with a reason")
    )
    def reject(self, request, queryset):
        form = RejectForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            for account_request in queryset:
                try:
                    services.reject_account_request(
                        account_request=account_request,
                        decided_by=request.user,
                        reason=form.cleaned_data["reason"],
                    )
                except DomainError as error:
                    self.message_user(request, f"{account_request}: {error}", messages.ERROR)
            return None
        return TemplateResponse(
            request,
            "admin/accounts/reject_requests.html",
            {
                **self.admin_site.each_context(request),
                "form": form,
                "queryset": queryset,
                "opts": self.model._meta,
                "title": _("Reject account requests"),
            },
        )
