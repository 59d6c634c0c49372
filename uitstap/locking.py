"""Optimistic locking: an update succeeds only if nobody saved the record since it was read."""

from django.db.models import F, Model


class Conflict(Exception):
    """Someone else saved the record after it was read. Carries the stored version for the screen."""

    def __init__(self, actueel: Model):
        super().__init__("Iemand anders heeft dit intussen gewijzigd.")
        self.actueel = actueel


def save_checked(instance: Model, *, gelezen_versie: int | None, fields: list[str], version_field: str = "versie") -> None:
    """UPDATE ... WHERE version = gelezen_versie; raise Conflict (and write nothing) when it moved on."""
    model = type(instance)
    if gelezen_versie is None:
        gelezen_versie = getattr(instance, version_field)
    values = {f: getattr(instance, f) for f in fields}
    values[version_field] = F(version_field) + 1
    updated = model.objects.filter(pk=instance.pk, **{version_field: gelezen_versie}).update(**values)
    if not updated:
        raise Conflict(model.objects.get(pk=instance.pk))
    instance.refresh_from_db(fields=[version_field])
