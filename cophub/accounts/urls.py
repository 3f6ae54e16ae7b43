from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("request/", views.request_account, name="request"),
    path("request/sent/", views.request_sent, name="request-sent"),
    path("profile/", views.profile, name="profile"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/reset/", views.password_reset, name="password-reset"),
    path("password/reset/sent/", views.password_reset_done, name="password-reset-done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password-reset-confirm",
    ),
    path("two-factor/", views.two_factor_verify, name="two-factor-verify"),
    path("two-factor/set-up/", views.two_factor_enrol, name="two-factor-enrol"),
    path("two-factor/backup-codes/", views.two_factor_backup_codes, name="two-factor-backup-codes"),
    path("two-factor/turn-off/", views.two_factor_disable, name="two-factor-disable"),
    path("password/reset/done/", views.password_reset_complete, name="password-reset-complete"),
]
