"""Admin for configuration only: no dossier content is registered here."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from uitstap.models import Gebruiker, Gemeente, Organisatie, Programma, ProgrammaJaar


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Rol", {"fields": ("rol", "organisatie", "gemeente")}),)
    list_display = ("username", "first_name", "last_name", "rol", "organisatie", "is_active")
    list_filter = ("rol", "organisatie", "is_active")

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate, never delete: the audit log keeps who did what


admin.site.register(Organisatie)
admin.site.register(Gemeente)


class ProgrammaJaarInline(admin.TabularInline):
    model = ProgrammaJaar
    extra = 0


@admin.register(Programma)
class ProgrammaAdmin(admin.ModelAdmin):
    inlines = [ProgrammaJaarInline]
    filter_horizontal = ("organisaties", "gemeenten")
