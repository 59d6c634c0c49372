"""Admin for configuration only: no dossier content, and nothing that changes who may see what.

Roles, organisations, activity, passwords and second factors change only through the beheerder's
screens (uitstap.services_accounts): audited, sessions ended, four eyes where needed. Here the
accounts are read-only and the OTP devices (with their secrets) are not registered at all.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from uitstap.models import Gebruiker, Gemeente, Organisatie, Programma, ProgrammaJaar


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    fieldsets = (
        (None, {"fields": ("username", "first_name", "last_name", "email")}),
        ("Rol", {"fields": ("rol", "organisatie", "gemeente", "is_active")}),
        ("Datums", {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ("username", "first_name", "last_name", "email", "rol", "organisatie", "gemeente",
                       "is_active", "last_login", "date_joined")
    list_display = ("username", "first_name", "last_name", "rol", "organisatie", "is_active")
    list_filter = ("rol", "organisatie", "is_active")
    actions = None

    def has_add_permission(self, request):
        return False  # new accounts through /beheer/gebruikers/ (four eyes for coordinators and beheerders)

    def has_change_permission(self, request, obj=None):
        return False  # view only: every change goes through the audited services

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate, never delete: the audit log keeps who did what


def _niet_in_admin(*modellen):
    for model in modellen:
        if admin.site.is_registered(model):
            admin.site.unregister(model)


# django-otp registers its devices with their secret keys; a second factor is reset with four eyes instead.
from django_otp.plugins.otp_static.models import StaticDevice  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

_niet_in_admin(TOTPDevice, StaticDevice)


admin.site.register(Organisatie)
admin.site.register(Gemeente)


class ProgrammaJaarInline(admin.TabularInline):
    model = ProgrammaJaar
    extra = 0


@admin.register(Programma)
class ProgrammaAdmin(admin.ModelAdmin):
    inlines = [ProgrammaJaarInline]
    filter_horizontal = ("organisaties", "gemeenten")
