"""Optimistic locking: an update succeeds only if nobody saved the record since the user read it.

The one pattern: every edit form carries the version the user saw (`VersionedForm`, required), the
service passes it to `save_checked`, which compares it in the UPDATE; a `Conflict` re-renders the
form with the other person's values (`uitstap.forms.toon_conflict`) and keeps the first edit.
"""

from django.db.models import F, Model


class Conflict(Exception):
    """Someone else saved the record after it was read. Carries the stored record for the screen."""

    def __init__(self, actueel: Model):
        super().__init__("Iemand anders heeft dit intussen gewijzigd.")
        self.actueel = actueel


def save_checked(instance: Model, *, gelezen_versie: int | None, fields: list[str], version_field: str = "versie") -> None:
    """UPDATE ... WHERE version = gelezen_versie; raise Conflict (and write nothing) when it moved on.

    No version at all means the user saw no stored record (it was created by someone else since the
    form was opened): that is a conflict too, never a blind overwrite.
    """
    model = type(instance)
    if gelezen_versie is None:
        raise Conflict(model.objects.get(pk=instance.pk))
    values = {f: getattr(instance, f) for f in fields}
    values[version_field] = F(version_field) + 1
    updated = model.objects.filter(pk=instance.pk, **{version_field: gelezen_versie}).update(**values)
    if not updated:
        raise Conflict(model.objects.get(pk=instance.pk))
    instance.refresh_from_db(fields=[version_field])


def huidige_versie(instance: Model, version_field: str = "versie") -> int:
    """The stored version, for a follow-up write a service makes itself (not an edit the user saw)."""
    return type(instance).objects.values_list(version_field, flat=True).get(pk=instance.pk)


def controleer_versie(instance: Model, gelezen_versie: int | None, version_field: str = "versie") -> None:
    """Raise Conflict now when the record moved on since the user read it: for services that check the
    record's state (already closed, already signed) before they write, so the user hears why."""
    if gelezen_versie is None or huidige_versie(instance, version_field) != gelezen_versie:
        raise Conflict(type(instance).objects.get(pk=instance.pk))
