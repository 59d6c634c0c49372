"""Round 2 (SECURITY.md 42, 43): no control characters on any input path, bounded text, exports 0600."""

import io
import json
import os
import stat

import pytest
from django import forms
from django.core.management import call_command

from rapportage.uitwisseling.importeren import ImportGeweigerd, historie_importeren
from tests.rapportage.test_uitwisseling import VANDAAG, coach1, voorbeeld  # noqa: F401 (fixture)
from uitstap.forms import UitstapForm
from uitstap.models import Programma
from uitstap.validators import TEKST_MAX, zoekterm

STUURTEKENS = ["ab\x00cd", "ab\x01cd", "ab\x1bcd", "ab\x7fcd", "ab\u202ecd"]


class _Vrij(UitstapForm, forms.Form):
    naam = forms.CharField(max_length=100)
    notitie = forms.CharField(widget=forms.Textarea, required=False)


@pytest.mark.parametrize("waarde", STUURTEKENS)
def test_every_form_refuses_control_characters_in_dutch(waarde):
    form = _Vrij({"naam": waarde, "notitie": waarde})
    assert not form.is_valid()
    assert set(form.errors) == {"naam", "notitie"}
    assert all("stuurteken" in e or "Null" in e or "nul" in e.lower() for e in form.errors["notitie"])


def test_forms_keep_tabs_and_newlines():
    form = _Vrij({"naam": "Mira", "notitie": "regel 1\r\nregel\t2"})
    assert form.is_valid(), form.errors


def test_text_without_model_limit_is_bounded_in_every_form():
    assert _Vrij().fields["notitie"].max_length == TEKST_MAX
    assert 'maxlength="10000"' in str(_Vrij()["notitie"])
    form = _Vrij({"naam": "x", "notitie": "a" * (TEKST_MAX + 1)})
    assert not form.is_valid() and "notitie" in form.errors


def test_search_term_with_control_characters_is_dropped():
    assert zoekterm("ab\x00cd") == ""
    assert zoekterm("  Mira  ") == "Mira"
    assert zoekterm(None) == "" and zoekterm(["x"]) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("waarde", ["Mi\x00ra", "Mi\u0007ra"])
def test_import_refuses_control_characters_and_writes_nothing(coach1, waarde):  # noqa: F811
    data = voorbeeld()
    data["deelnemers"][0]["roepnaam"] = waarde
    with pytest.raises(ImportGeweigerd) as e:
        historie_importeren(data=data, vandaag=VANDAAG)
    assert [str(p) for p in e.value.controle.fouten] == [
        "deelnemers[0].roepnaam: bevat een onzichtbaar stuurteken (zoals NUL); haal het weg"]
    assert not Programma.objects.filter(slug="flevoland").exists()


@pytest.mark.django_db
def test_import_refuses_unbounded_text(coach1):  # noqa: F811
    data = voorbeeld()
    doel = data["deelnemers"][0]["trajecten"][0]["trajectplan"]["doelen"][0]
    doel["omschrijving"] = "a" * (TEKST_MAX + 1)
    with pytest.raises(ImportGeweigerd) as e:
        historie_importeren(data=data, vandaag=VANDAAG)
    assert any("te lang" in str(p) for p in e.value.controle.fouten)


@pytest.mark.django_db
def test_exporteer_output_is_0600_and_says_so(tmp_path, coach1):  # noqa: F811
    historie_importeren(data=voorbeeld(), vandaag=VANDAAG)
    uit = tmp_path / "export.json"
    uit.write_text("oud")
    os.chmod(uit, 0o644)
    fout = io.StringIO()
    oud = os.umask(0o022)
    try:
        call_command("exporteer", programma="flevoland", output=str(uit), stderr=fout)
    finally:
        os.umask(oud)
    assert stat.S_IMODE(os.stat(uit).st_mode) == 0o600
    assert "0600" in fout.getvalue()
    assert json.loads(uit.read_text())["formaat"] == "uitstap-import/1"
