"""Turn an unbound form (with its initial data) into POST data, as a browser would send it back."""

import datetime

from django import forms
from django.db.models import Model


def _value(value):
    if value is None:
        return ""
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, bool):
        return "on" if value else ""
    return str(value)


def post_data(form: forms.BaseForm) -> dict:
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        key = form.add_prefix(name)
        if isinstance(field, forms.BooleanField):
            if value:
                data[key] = "on"
        elif isinstance(value, (list, tuple)):
            data[key] = [_value(v) for v in value]
        else:
            data[key] = _value(value)
    return data
