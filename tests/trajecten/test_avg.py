"""AVG: inzage export (everything of A, nothing of B), erasure vs retention, the bewaartermijn command."""

import datetime
import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from clients.documents import opslagpad
from clients.models import Deelnemer, Document
from tests.avg_data import vul_dossier
from clients import avg
from trajecten.models import Contactmoment, FaseOvergang, Meting, MetingScore, Traject, Uitstroom, Terugval
from uitstap.audit import audit_verify
from uitstap.models import AuditEvent

MARKER_A = "Zzqxa"
MARKER_B = "Wwkyb"


@pytest.fixture(autouse=True)
def eigen_opslag(settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"


@pytest.fixture
def dossier_a(deelnemer, coach):
    return vul_dossier(deelnemer, coach, MARKER_A)


@pytest.fixture
def dossier_b(ander_deelnemer, coach3):
    return vul_dossier(ander_deelnemer, coach3, MARKER_B)


def _zip(response_or_bytes):
    data = response_or_bytes if isinstance(response_or_bytes, bytes) else response_or_bytes.content
    return zipfile.ZipFile(io.BytesIO(data))


# --- inzage -----------------------------------------------------------------------------------

EXPECTED_A = [
    "roep", "voor", "achter", " verwijzer", " fasereden", " hulpvraag", " aanleiding", " besluit",
    " contactnotitie", " meting", " afspraken", " doel", " indicator", " realistisch", " eigen woorden",
    " voortgang", " soort hulp", " reden", " terugkoppeling", " uitstroom", " terugval", " omschrijving",
]


@pytest.mark.django_db
def test_inzage_contains_everything_of_a_and_nothing_of_b(dossier_a, dossier_b, deelnemer, coordinator, coach, login):
    client = login(coach)
    client.get(reverse("trajecten:dossier", args=[deelnemer.pk]))  # a read that must show up in the export
    client = login(coordinator)
    r = client.post(reverse("trajecten:avg_inzage", args=[deelnemer.pk]))
    assert r.status_code == 200
    assert r["Content-Type"] == "application/zip"
    assert r["Content-Disposition"].startswith("attachment;")
    zf = _zip(r)
    namen = zf.namelist()
    assert "inzage.html" in namen and "gegevens.json" in namen
    html = zf.read("inzage.html").decode()
    js = zf.read("gegevens.json").decode()
    for tekst in (html, js):
        for stuk in EXPECTED_A:
            assert MARKER_A + stuk in tekst, stuk
        assert "123456782" in tekst  # BSN: it is her own data
        assert "1990-05-17" in tekst
        assert MARKER_B not in tekst
        assert deelnemer.clientcode in tekst
    gegevens = json.loads(js)
    assert any(e["gebruiker"] == "coach1" and e["actie"] == "Ingezien" for e in gegevens["ingezien_door"])
    docs = [n for n in namen if n.startswith("documenten/")]
    assert len(docs) == 1 and MARKER_A.encode() in zf.read(docs[0])
    assert all(MARKER_B not in n for n in namen)
    # escaped, not raw HTML
    assert "<script" not in html.lower()


@pytest.mark.django_db
def test_inzage_is_logged_as_export(dossier_a, deelnemer, coordinator, login):
    client = login(coordinator)
    voor = AuditEvent.objects.count()
    client.post(reverse("trajecten:avg_inzage", args=[deelnemer.pk]))
    nieuw = list(AuditEvent.objects.order_by("id"))[voor:]
    assert [(e.actie, e.object_type, e.clientcode, e.grondslag) for e in nieuw] == [
        ("export", "inzage", deelnemer.clientcode, "coordinator")]


@pytest.mark.django_db
@pytest.mark.parametrize("wie,status", [("coach", 403), ("coach3", 403), ("klantmanager", 403), ("beheerder", 403)])
def test_inzage_only_for_coordinator(request, deelnemer, login, wie, status):
    client = login(request.getfixturevalue(wie))
    assert client.post(reverse("trajecten:avg_inzage", args=[deelnemer.pk])).status_code == status
    assert client.get(reverse("trajecten:avg_inzage", args=[deelnemer.pk])).status_code == status


@pytest.mark.django_db
def test_inzage_page_explains(deelnemer, coordinator, login):
    r = login(coordinator).get(reverse("trajecten:avg_inzage", args=[deelnemer.pk]))
    assert r.status_code == 200
    assert "Inzage-export downloaden" in r.content.decode()


# --- retention --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_erasure_refused_while_traject_open(dossier_a, deelnemer, coordinator):
    mag, reden = avg.wissen_beoordelen(deelnemer)
    assert not mag and "loopt nog een traject" in reden
    with pytest.raises(ValidationError, match="Wissen kan nu niet"):
        avg.deelnemer_wissen(deelnemer=deelnemer, door=coordinator)
    deelnemer.refresh_from_db()
    assert deelnemer.gewist_op is None and deelnemer.achternaam == f"{MARKER_A}achter"
    assert not AuditEvent.objects.filter(actie="erase").exists()


@pytest.mark.django_db
def test_erasure_refused_within_retention_term(deelnemer, coach, coordinator):
    vul_dossier(deelnemer, coach, MARKER_A, einddatum=datetime.date(2024, 9, 1))
    mag, reden = avg.wissen_beoordelen(deelnemer, vandaag=datetime.date(2031, 8, 31))
    assert not mag and "01-09-2031" in reden
    mag, _ = avg.wissen_beoordelen(deelnemer, vandaag=datetime.date(2031, 9, 1))
    assert mag


@pytest.mark.django_db
def test_erasure_screen_refuses_with_reason_and_writes_nothing(dossier_a, deelnemer, coordinator, login):
    client = login(coordinator)
    url = reverse("trajecten:avg_wissen", args=[deelnemer.pk])
    r = client.get(url)
    assert r.status_code == 200
    tekst = r.content.decode()
    assert "Wissen wordt geweigerd" in tekst and "loopt nog een traject" in tekst
    r = client.post(url, {"bevestiging": deelnemer.clientcode})
    assert r.status_code == 400
    assert "Wissen kan nu niet" in r.content.decode()
    deelnemer.refresh_from_db()
    assert deelnemer.gewist_op is None


@pytest.mark.django_db
def test_erasure_needs_the_clientcode_typed(dossier_a, deelnemer, coordinator, login):
    r = login(coordinator).post(reverse("trajecten:avg_wissen", args=[deelnemer.pk]),
                                {"bevestiging": "iets anders", "wettelijke_grond": "art17_1d"})
    assert r.status_code == 400
    deelnemer.refresh_from_db()
    assert deelnemer.gewist_op is None


def _figuren(programma):
    tellingen = {
        "trajecten": list(Traject.objects.values_list("aanmelddatum", "einddatum", "verwijzer").order_by("id")),
        "fasen": list(FaseOvergang.objects.values_list("traject_id", "fase", "datum").order_by("id")),
        "uitstroom": list(Uitstroom.objects.values_list("soort", "resultaat", "datum").order_by("id")),
        "terugval": list(Terugval.objects.values_list("datum").order_by("id")),
        "contacten": list(Contactmoment.objects.values_list("datum", "duur_minuten", "soort").order_by("id")),
        "scores": list(MetingScore.objects.values_list("leefgebied", "score").order_by("id")),
        "metingen": Meting.objects.count(),
        "doelgroep": list(Deelnemer.objects.values_list(*avg.BLIJFT).order_by("id")),
    }
    try:
        from rapportage.cijfers import alle_cijfers
    except ImportError:
        return tellingen, None
    return tellingen, alle_cijfers(programma, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))


@pytest.mark.django_db
def test_erasure_with_legal_ground_removes_every_trace_and_keeps_the_figures(
    dossier_a, dossier_b, deelnemer, ander_deelnemer, coordinator, login, capsys, django_capture_on_commit_callbacks,
):
    document = Document.objects.get(deelnemer=deelnemer)
    pad = opslagpad(document.opslagnaam)
    assert pad.exists()
    voor, cijfers_voor = _figuren(deelnemer.programma)
    client = login(coordinator)
    url = reverse("trajecten:avg_wissen", args=[deelnemer.pk])
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(url, {"bevestiging": deelnemer.clientcode.lower(), "wettelijke_grond": "art17_1d"})
    assert r.status_code == 302
    deelnemer.refresh_from_db()
    assert deelnemer.gewist_op is not None
    assert not pad.exists()
    assert not Document.objects.filter(deelnemer=deelnemer).exists()

    # dumpdata: not one marker string of A anywhere in the database; B untouched.
    call_command("dumpdata", "--natural-foreign", "-e", "contenttypes", "-e", "auth.permission", "-e", "sessions")
    dump = capsys.readouterr().out
    assert MARKER_A not in dump
    assert dump.count("123456782") == 1  # only B's BSN remains
    assert dump.count("1990-05-17") == 1  # only B's birth date
    assert dump.count(MARKER_B) >= len(EXPECTED_A) - 1
    a = Deelnemer.objects.get(pk=deelnemer.pk)
    assert (a.roepnaam, a.voornamen, a.achternaam, a.bsn, a.geboortedatum) == ("", "", "", "", None)
    assert a.geboortejaar == 1990 and a.herkomstland == "RO"

    # The figures do not change.
    na, cijfers_na = _figuren(deelnemer.programma)
    assert na == voor
    assert cijfers_na == cijfers_voor

    # One pseudonymous erase event with the ground as a code; chain intact.
    erase = AuditEvent.objects.get(actie="erase")
    assert (erase.clientcode, erase.grondslag, erase.gebruiker_id) == (deelnemer.clientcode, "art17_1d", coordinator.pk)
    assert audit_verify() == []


@pytest.mark.django_db
def test_erased_participant_is_gone_for_the_coach(deelnemer, coach, coordinator, login):
    avg.deelnemer_wissen(deelnemer=deelnemer, door=coordinator)  # no traject: no retention term
    assert login(coach).get(reverse("trajecten:dossier", args=[deelnemer.pk])).status_code == 404
    with pytest.raises(ValidationError, match="al gewist"):
        avg.deelnemer_wissen(deelnemer=deelnemer, door=coordinator)


@pytest.mark.django_db
def test_unknown_legal_ground_refused(dossier_a, deelnemer, coordinator):
    with pytest.raises(ValidationError):
        avg.deelnemer_wissen(deelnemer=deelnemer, door=coordinator, wettelijke_grond="zomaar")


@pytest.mark.django_db
@pytest.mark.parametrize("wie", ["coach", "coach2", "klantmanager", "beheerder"])
def test_erasure_screen_only_for_coordinator(request, deelnemer, login, wie):
    client = login(request.getfixturevalue(wie))
    url = reverse("trajecten:avg_wissen", args=[deelnemer.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"bevestiging": deelnemer.clientcode, "wettelijke_grond": "art17_1d"}).status_code == 403
    deelnemer.refresh_from_db()
    assert deelnemer.gewist_op is None


# --- the bewaartermijn command ----------------------------------------------------------------


@pytest.mark.django_db
def test_bewaartermijn_dry_run_and_uitvoeren(deelnemer, ander_deelnemer, coach, coach3, capsys):
    oud = vul_dossier(deelnemer, coach, MARKER_A, einddatum=datetime.date(2010, 6, 30), start=datetime.date(2009, 1, 5))
    vul_dossier(ander_deelnemer, coach3, MARKER_B, einddatum=datetime.date.today() - datetime.timedelta(days=30))
    assert oud.einddatum.year == 2010
    call_command("bewaartermijn", "--dry-run")
    uit = capsys.readouterr().out
    assert f"Zou wissen: {deelnemer.clientcode}" in uit and ander_deelnemer.clientcode not in uit
    assert "niets gewijzigd" in uit
    assert Deelnemer.objects.get(pk=deelnemer.pk).gewist_op is None
    call_command("bewaartermijn", "--uitvoeren")
    uit = capsys.readouterr().out
    assert f"Gewist: {deelnemer.clientcode}" in uit
    a = Deelnemer.objects.get(pk=deelnemer.pk)
    b = Deelnemer.objects.get(pk=ander_deelnemer.pk)
    assert a.gewist_op is not None and b.gewist_op is None and b.achternaam.startswith(MARKER_B)
    event = AuditEvent.objects.get(actie="erase")
    assert (event.gebruiker_id, event.gebruikersnaam, event.grondslag) == (None, "bewaartermijn", "bewaartermijn_verstreken")


@pytest.mark.django_db
def test_bewaartermijn_needs_a_mode():
    from django.core.management.base import CommandError
    with pytest.raises(CommandError):
        call_command("bewaartermijn")


@pytest.mark.django_db
def test_retention_uses_the_programme_term(deelnemer, coach):
    deelnemer.programma.bewaartermijn_jaren = 2
    deelnemer.programma.save()
    vul_dossier(deelnemer, coach, MARKER_A, einddatum=datetime.date(2024, 2, 29))
    assert avg.bewaartermijn_einde(deelnemer) == datetime.date(2026, 2, 28)
    assert deelnemer in avg.bewaartermijn_verstreken(vandaag=datetime.date(2026, 3, 1))
    assert deelnemer not in avg.bewaartermijn_verstreken(vandaag=datetime.date(2026, 2, 27))


def test_every_deelnemer_field_is_classified_for_erasure():
    """A new field on Deelnemer must be placed: erased, kept for the figures, or technical."""
    velden = {f.name for f in Deelnemer._meta.concrete_fields}
    ingedeeld = set(avg.BLIJFT) | set(avg.DEELNEMER_WISSEN) | avg.TECHNISCH
    assert velden - ingedeeld == set(), f"Niet ingedeeld voor wissen: {sorted(velden - ingedeeld)}"
