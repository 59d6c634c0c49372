"""Import and export in `uitstap-import/1`: validation with paths, all-or-nothing, round trip, commands."""

import copy
import datetime
import io
import json

import pgtrigger
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from clients.models import Deelnemer
from clients.selectors import deelnemers_visible_to
from rapportage.cijfers import alle_cijfers
from rapportage.uitwisseling.exporteren import programma_exporteren
from rapportage.uitwisseling.importeren import ImportGeweigerd, historie_importeren
from rapportage.uitwisseling.valideren import import_valideren, validator
from tests.factories import GebruikerFactory
from trajecten.models import Doel, FaseOvergang, Meting, Traject
from uitstap.codes import Rol
from uitstap.models import AuditEvent, Gemeente, Ketenpartner, Organisatie, Programma, ProgrammaJaar

pytestmark = pytest.mark.django_db
VANDAAG = datetime.date(2026, 1, 1)


def voorbeeld() -> dict:
    """The example of IMPORT.md, plus a second participant with a re-entry, sub-goals, relapse and a stop."""
    return {
        "formaat": "uitstap-import/1",
        "programma": {
            "slug": "flevoland", "naam": "Uitstapprogramma Flevoland", "organisaties": ["Scharlakenkoord", "Terwille"],
            "gemeenten": ["Almere", "Lelystad", "Dronten", "Zeewolde", "Noordoostpolder", "Urk"], "regeling": "rups_ii",
            "jaren": {"2024": {"verwacht_deelnemers": 30, "intakes_begroot": 40, "begroting": 150000, "uitgaven": 141250.5}},
        },
        "ketenpartners": [
            {"naam": "Schuldhulp Almere", "soort": "schuldhulpverlening", "gemeente": "Almere"},
            {"naam": "GGZ Centraal", "soort": "ggz", "gemeente": None},
        ],
        "deelnemers": [
            {
                "clientcode": "FLV-0001", "roepnaam": "Mira", "geboortejaar": 1994, "gender": "vrouw",
                "herkomstland": "RO", "juridische_categorie": 2, "verblijfsstatus": "eu_burger",
                "woongemeente": "Lelystad", "werkgemeente": "Almere", "sector": "raam", "signalen_mensenhandel": False,
                "trajecten": [{
                    "aanmelddatum": "2024-01-10", "verwijzer": "ggd", "begeleider": "coach1",
                    "fasen": [{"fase": "contact", "datum": "2024-01-10"}, {"fase": "orientatie", "datum": "2024-02-01"},
                              {"fase": "uitvoering", "datum": "2024-03-05"}],
                    "intake": {"datum": "2024-02-01", "besluit": "toegelaten"},
                    "metingen": [{"datum": "2024-02-15", "scores": {"financien": 3, "huisvesting": 4}},
                                 {"datum": "2024-09-15", "scores": {"financien": 6, "huisvesting": 7}}],
                    "trajectplan": {"opgesteld": "2024-03-01", "ondertekend": "2024-03-05", "doelen": [
                        {"leefgebied": "financien", "omschrijving": "Schulden onder beheer bij de Kredietbank",
                         "indicator": "Aanmelding schuldhulp rond en eerste betaling gedaan", "streefdatum": "2024-09-01",
                         "startscore": 3, "doelscore": 7, "status": "behaald", "behaald_op": "2024-08-20",
                         "subdoelen": [{"omschrijving": "Papieren verzamelen", "status": "behaald",
                                        "behaald_op": "2024-04-01"},
                                       {"omschrijving": "Afspraak Kredietbank", "status": "open",
                                        "streefdatum": "2024-05-01"}]}]},
                    "verwijzingen": [{"ketenpartner": "Schuldhulp Almere", "verwezen": "2024-03-10",
                                      "gestart": "2024-05-01", "beeindigd": None, "status": "gestart"}],
                    "contactmomenten": [{"datum": "2024-02-01", "soort": "gesprek", "duur_minuten": 60, "status": "gehouden"}],
                    "uitstroom": {"datum": "2024-11-01", "soort": "uitgestapt", "resultaat": "betaald_werk",
                                  "branche": "schoonmaak"},
                    "einddatum": None,
                    "terugval": [{"datum": "2025-02-01", "toelichting": "Weer gaan werken"}],
                    "organisatie": "Terwille",
                    "nacontroles": [{"datum": "2025-05-01", "termijn": "6m", "uitkomst": "teruggevallen"}],
                }],
            },
            {
                "clientcode": "FLV-0002", "geboortejaar": None,
                "trajecten": [
                    # Closed before instroom: no uitstroom, an afsluitreden (IMPORT.md, second milestone).
                    {"aanmelddatum": "2023-03-01", "fasen": [{"fase": "contact", "datum": "2023-03-01"}],
                     "afsluitreden": "niet_bereikbaar", "einddatum": "2023-05-01"},
                    {"aanmelddatum": "2024-04-01", "begeleider": "onbekende_coach",
                     "fasen": [{"fase": "contact", "datum": "2024-04-01"}, {"fase": "orientatie", "datum": "2024-04-20"},
                               {"fase": "uitvoering", "datum": "2024-04-20"}, {"fase": "orientatie", "datum": "2024-06-01"}],
                     "metingen": [{"datum": "2024-05-01", "scores": {"veiligheid": 2}},
                                  {"datum": "2024-05-01", "scores": {"veiligheid": 5}}],
                     "verwijzingen": [{"ketenpartner": "GGZ Centraal", "verwezen": "2024-05-01", "status": "wachtlijst"}],
                     "contactmomenten": [{"datum": "2024-05-02", "soort": "telefonisch", "status": "niet_verschenen"},
                                         {"datum": "2024-05-03", "soort": "gesprek", "status": "gehouden",
                                          "duur_minuten": 45}]},
                ],
            },
        ],
    }


@pytest.fixture
def coach1(db):
    org = Organisatie.objects.create(naam="Scharlakenkoord")
    return GebruikerFactory(username="coach1", rol=Rol.TRAJECTBEGELEIDER, organisatie=org)


def _importeer(data):
    return historie_importeren(data=data, vandaag=VANDAAG)


def _fouten(data) -> list[str]:
    with pytest.raises(ImportGeweigerd) as e:
        _importeer(data)
    return [str(p) for p in e.value.controle.fouten]


def _niets_geschreven():
    assert not Programma.objects.filter(slug="flevoland").exists()
    assert Deelnemer.objects.count() == 0
    assert Traject.objects.count() == 0
    assert not AuditEvent.objects.filter(object_type="import").exists()


def test_coach_of_another_organisation_is_not_assigned(coach1):
    GebruikerFactory(username="buiten", rol=Rol.TRAJECTBEGELEIDER, organisatie=Organisatie.objects.create(naam="Elders"))
    data = voorbeeld()
    data["deelnemers"][1]["trajecten"][1]["begeleider"] = "buiten"
    samenvatting = _importeer(data)
    assert [w.pad for w in samenvatting.waarschuwingen] == ["deelnemers[1].trajecten[1].begeleider"]
    assert Deelnemer.objects.get(clientcode="FLV-0002").begeleider is None


def test_valid_file_imports_as_ordinary_records(coach1):
    samenvatting = _importeer(voorbeeld())
    assert (samenvatting.deelnemers, samenvatting.trajecten, samenvatting.doelen, samenvatting.verwijzingen,
            samenvatting.contactmomenten) == (2, 3, 1, 2, 3)
    assert [str(w) for w in samenvatting.waarschuwingen] == [
        "deelnemers[1].trajecten[1].begeleider: gebruiker 'onbekende_coach' is geen actieve trajectbegeleider van "
        "een uitvoerende organisatie; de deelnemer krijgt geen begeleider"
    ]
    p = Programma.objects.get(slug="flevoland")
    assert sorted(p.organisaties.values_list("naam", flat=True)) == ["Scharlakenkoord", "Terwille"]
    assert p.gemeenten.count() == 6 and Gemeente.objects.filter(naam="Urk").exists()
    assert ProgrammaJaar.objects.get(programma=p, jaar=2024).uitgaven == 141250.5
    mira = Deelnemer.objects.get(clientcode="FLV-0001")
    assert mira.begeleider == coach1 and mira.juridische_categorie == "2" and mira.woongemeente.naam == "Lelystad"
    assert Deelnemer.objects.get(clientcode="FLV-0002").begeleider is None
    # Visible to the coach (own caseload) and counted in the figures.
    assert list(deelnemers_visible_to(coach1)) == [mira]
    assert Doel.objects.filter(ouder__isnull=False).count() == 2
    cijfers = alle_cijfers(p, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    assert cijfers["ingestroomd"] == 2 and cijfers["herinstroom"] == 0 and cijfers["uitgestapt"] == 1
    assert cijfers["uitgestapt_per_branche"]["schoonmaak"] == 1 and cijfers["uitgaven"] == 141250.5
    assert cijfers["kosten_per_actieve_deelnemer"] == 70625  # 141250.5 / 2 = 70625.25
    assert cijfers["per_fase_op_einddatum"]["orientatie"] == 1  # the back-step of FLV-0002
    # Same-day transitions keep their order: uitvoering after orientatie on 2024-04-20.
    fasen = list(FaseOvergang.objects.filter(traject__deelnemer__clientcode="FLV-0002", datum="2024-04-20")
                 .order_by("id").values_list("fase", flat=True))
    assert fasen == ["orientatie", "uitvoering"]
    metingen = list(Meting.objects.filter(traject__deelnemer__clientcode="FLV-0002").order_by("id")
                    .values_list("scores__score", flat=True))
    assert metingen == [2, 5]
    assert cijfers["leefgebied_voortgang"]["veiligheid"] == {"trajecten": 1, "gemiddelde_verandering": 3}
    event = AuditEvent.objects.get(object_type="import")
    assert event.actie == "create" and event.clientcodes == ["FLV-0001", "FLV-0002"]


def test_export_import_export_is_identical(coach1):
    _importeer(voorbeeld())
    p = Programma.objects.get(slug="flevoland")
    eerste = programma_exporteren(p)
    cijfers = alle_cijfers(p, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    assert validator.is_valid(eerste)

    # Empty the database of this programme, then import the export.
    with pgtrigger.ignore("trajecten.FaseOvergang:faseovergang_niet_verwijderen",
                          "trajecten.Terugkoppeling:terugkoppeling_niet_verwijderen"):
        Deelnemer.objects.filter(programma=p).delete()
    Ketenpartner.objects.filter(programma=p).delete()
    p.delete()
    Gemeente.objects.all().delete()
    _importeer(json.loads(json.dumps(eerste)))
    p = Programma.objects.get(slug="flevoland")
    assert programma_exporteren(p) == eerste
    assert alle_cijfers(p, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)) == cijfers


def test_traject_without_fasen_starts_in_contact(coach1):
    data = voorbeeld()
    del data["deelnemers"][1]["trajecten"][0]["fasen"]
    _importeer(data)
    fasen = FaseOvergang.objects.filter(traject__deelnemer__clientcode="FLV-0002", traject__aanmelddatum="2023-03-01")
    assert list(fasen.values_list("fase", "datum")) == [("contact", datetime.date(2023, 3, 1))]


def test_subdoel_format_is_exported(coach1):
    _importeer(voorbeeld())
    doel = programma_exporteren(Programma.objects.get(slug="flevoland"))["deelnemers"][0]["trajecten"][0]["trajectplan"]["doelen"][0]
    assert doel["subdoelen"] == [
        {"omschrijving": "Papieren verzamelen", "status": "behaald", "streefdatum": None, "behaald_op": "2024-04-01"},
        {"omschrijving": "Afspraak Kredietbank", "status": "open", "streefdatum": "2024-05-01", "behaald_op": None},
    ]


def test_bad_date_deep_inside_writes_nothing_and_names_the_path(coach1):
    data = voorbeeld()
    data["deelnemers"][1]["trajecten"][1]["metingen"][1]["datum"] = "2024-02-30"
    assert _fouten(data) == ["deelnemers[1].trajecten[1].metingen[1].datum: '2024-02-30' is geen geldige datum (JJJJ-MM-DD)"]
    _niets_geschreven()
    assert not validator.is_valid(data)


def test_unknown_code_is_refused(coach1):
    data = voorbeeld()
    data["deelnemers"][0]["trajecten"][0]["fasen"][1]["fase"] = "orientatie "
    assert _fouten(data) == ["deelnemers[0].trajecten[0].fasen[1].fase: 'orientatie ' is geen bekende fase"]
    _niets_geschreven()


def test_unknown_key_is_refused(coach1):
    data = voorbeeld()
    data["deelnemers"][0]["trajecten"][0]["intake"]["uitslag"] = "goed"
    data["deelnemers"][1]["bsn"] = "123456789"
    assert _fouten(data) == [
        "deelnemers[0].trajecten[0].intake.uitslag: onbekende sleutel",
        "deelnemers[1].bsn: onbekende sleutel",
    ]
    _niets_geschreven()


def test_duplicate_clientcode_in_file_and_in_database(coach1):
    data = voorbeeld()
    data["deelnemers"][1]["clientcode"] = "FLV-0001"
    assert _fouten(data) == ["deelnemers[1].clientcode: 'FLV-0001' staat al eerder in het bestand (deelnemers[0])"]
    _niets_geschreven()

    _importeer(voorbeeld())
    aantallen = (Deelnemer.objects.count(), Traject.objects.count(), AuditEvent.objects.count())
    assert _fouten(voorbeeld()) == [
        "deelnemers[0].clientcode: 'FLV-0001' bestaat al in dit programma",
        "deelnemers[1].clientcode: 'FLV-0002' bestaat al in dit programma",
    ]
    assert (Deelnemer.objects.count(), Traject.objects.count(), AuditEvent.objects.count()) == aantallen


def test_every_problem_is_listed_with_cross_field_rules(coach1):
    data = voorbeeld()
    t = data["deelnemers"][0]["trajecten"][0]
    t["fasen"][2]["datum"] = "2024-01-20"  # before the previous transition
    t["uitstroom"] = {"datum": "2024-11-01", "soort": "uitgestapt", "resultaat": "opleiding", "branche": "zorg"}
    t["verwijzingen"][0]["ketenpartner"] = "Onbekend"
    t["trajectplan"]["doelen"][0]["status"] = "bezig"  # but behaald_op is filled
    t["contactmomenten"][0]["duur_minuten"] = None
    data["deelnemers"][1]["trajecten"][0]["einddatum"] = None  # first traject still open
    data["deelnemers"][1]["geboortejaar"] = "1990"
    data["programma"]["regeling"] = "RUPS"
    data["formaat"] = "uitstap-import/2"
    del data["deelnemers"][1]["trajecten"][1]["aanmelddatum"]
    fouten = _fouten(data)
    assert fouten == [
        "formaat: moet 'uitstap-import/1' zijn",
        "programma.regeling: 'RUPS' is geen bekende regeling",
        "deelnemers[1].geboortejaar: '1990' moet een geheel getal of null zijn",
        "deelnemers[1].trajecten[1].aanmelddatum: ontbreekt (verplicht)",
        "deelnemers[0].trajecten[0].fasen[2].datum: 20-01-2024 ligt vóór de vorige faseovergang (01-02-2024); de data mogen niet teruglopen",
        "deelnemers[0].trajecten[0].trajectplan.doelen[0].behaald_op: een datum behaald hoort alleen bij status 'behaald'",
        "deelnemers[0].trajecten[0].verwijzingen[0].ketenpartner: 'Onbekend' staat niet in ketenpartners en niet op de sociale kaart van het programma",
        "deelnemers[0].trajecten[0].contactmomenten[0].duur_minuten: vul de duur van een gehouden contact in (minuten)",
        "deelnemers[0].trajecten[0].uitstroom.branche: een branche hoort alleen bij resultaat 'betaald_werk'",
        "deelnemers[1].trajecten[0].afsluitreden: een afsluitreden hoort alleen bij een afgesloten traject (met einddatum)",
    ]
    _niets_geschreven()


def test_relapse_needs_an_exit_and_dates_not_in_the_future(coach1):
    data = voorbeeld()
    t = data["deelnemers"][1]["trajecten"][1]
    t["terugval"] = [{"datum": "2024-07-01"}]
    t["contactmomenten"][1]["datum"] = "2026-03-01"
    assert _fouten(data) == [
        "deelnemers[1].trajecten[1].contactmomenten[1].datum: 01-03-2026 ligt in de toekomst",
        "deelnemers[1].trajecten[1].terugval[0].datum: een terugval kan alleen na een uitstroom als uitgestapt",
    ]


def test_existing_programme_year_with_other_figures_is_refused(coach1, programma):
    data = voorbeeld()
    data["programma"]["slug"] = programma.slug
    ProgrammaJaar.objects.create(programma=programma, jaar=2024, verwacht_deelnemers=10)
    assert _fouten(data) == ["programma.jaren.2024: dit jaar staat al in het programma met andere cijfers "
                             "(verwacht_deelnemers, intakes_begroot, begroting, uitgaven)"]
    assert Deelnemer.objects.count() == 0


def test_importeer_command(tmp_path, coach1):
    bestand = tmp_path / "historie.json"
    bestand.write_text(json.dumps(voorbeeld()), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("importeer", str(bestand), stdout=out, stderr=err)
    assert "Deelnemers: 2" in out.getvalue() and "Trajecten: 3" in out.getvalue()
    assert "Contactmomenten: 3" in out.getvalue()
    assert "waarschuwing: deelnemers[1].trajecten[1].begeleider" in err.getvalue()

    err = io.StringIO()
    with pytest.raises(CommandError, match="geweigerd: 2 probleem"):
        call_command("importeer", str(bestand), stdout=io.StringIO(), stderr=err)
    assert "deelnemers[0].clientcode: 'FLV-0001' bestaat al in dit programma" in err.getvalue()


def test_importeer_command_exits_non_zero(tmp_path, capsys):
    from rapportage.management.commands.importeer import Command

    bestand = tmp_path / "kapot.json"
    bestand.write_text("{niet json", encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        Command().run_from_argv(["manage.py", "importeer", str(bestand), "--skip-checks"])
    assert e.value.code == 1
    assert "geen geldig JSON-bestand" in capsys.readouterr().err


def test_exporteer_command_writes_the_format_and_logs(tmp_path, coach1):
    _importeer(voorbeeld())
    uit = tmp_path / "export.json"
    call_command("exporteer", programma="flevoland", output=str(uit), stderr=io.StringIO())
    data = json.loads(uit.read_text(encoding="utf-8"))
    assert data == programma_exporteren(Programma.objects.get(slug="flevoland"))
    assert import_valideren(data, vandaag=VANDAAG, gebruikers={"coach1"}).in_orde
    assert AuditEvent.objects.filter(actie="export", object_type="programma").count() == 1
    with pytest.raises(CommandError, match="Onbekend programma 'nergens'"):
        call_command("exporteer", programma="nergens")


def test_reference_validator_agrees_on_broken_files(coach1):
    goed = voorbeeld()
    assert validator.is_valid(goed)
    for wijzig in (
        lambda d: d["deelnemers"][0].update(gender="Vrouw"),
        lambda d: d["deelnemers"][0]["trajecten"][0]["metingen"][0]["scores"].update(financien=11),
        lambda d: d["deelnemers"][0]["trajecten"][0]["metingen"][0]["scores"].update(geluk=5),
        lambda d: d["deelnemers"][0].update(herkomstland="ro"),
        lambda d: d["deelnemers"][0].update(juridische_categorie=True),
        lambda d: d["programma"]["jaren"].update({"24": {}}),
    ):
        data = copy.deepcopy(goed)
        wijzig(data)
        assert not validator.is_valid(data)
        assert not import_valideren(data, vandaag=VANDAAG).in_orde


def test_second_milestone_keys_import_and_round_trip(coach1):
    """organisatie (explicit, from the coach, else the first), afsluitreden on a contact-only closure, nacontroles."""
    data = voorbeeld()
    eerste, tweede = data["deelnemers"]
    eerste["trajecten"][0]["nacontroles"] = [
        {"datum": "2025-05-01", "termijn": "6m", "uitkomst": "teruggevallen"},
        {"datum": "2025-11-01", "termijn": "12m", "uitkomst": "onbekend"},
        {"datum": "2025-11-01", "termijn": "12m", "uitkomst": "teruggevallen"},
    ]
    tweede["trajecten"][1]["begeleider"] = "coach1"  # coach1 works for Scharlakenkoord
    _importeer(copy.deepcopy(data))
    t1 = Traject.objects.get(deelnemer__clientcode="FLV-0001")
    assert t1.organisatie.naam == "Terwille"
    assert [(n.datum.isoformat(), n.termijn, n.uitkomst) for n in t1.nacontroles.order_by("id")] == [
        ("2025-05-01", "6m", "teruggevallen"), ("2025-11-01", "12m", "onbekend"), ("2025-11-01", "12m", "teruggevallen"),
    ]
    oud, nieuw = Traject.objects.filter(deelnemer__clientcode="FLV-0002").order_by("aanmelddatum")
    assert oud.afsluitreden == "niet_bereikbaar" and not hasattr(oud, "uitstroom") and oud.einddatum
    assert oud.organisatie.naam == "Scharlakenkoord"  # no organisatie, no coach: the first of the list
    assert nieuw.organisatie.naam == "Scharlakenkoord"  # from coach1's organisation
    # Counted as a closure without instroom, not as a dropout.
    p = Programma.objects.get(slug="flevoland")
    cijfers_2023 = alle_cijfers(p, datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    assert cijfers_2023["afgesloten_zonder_instroom"] == 1 and cijfers_2023["tussentijds_gestopt"] == 0
    export = programma_exporteren(p)
    assert validator.is_valid(export)
    tr = export["deelnemers"][0]["trajecten"][0]
    assert tr["organisatie"] == "Terwille" and tr["nacontroles"] == eerste["trajecten"][0]["nacontroles"]
    assert export["deelnemers"][1]["trajecten"][0]["afsluitreden"] == "niet_bereikbaar"
    # Export -> import into an empty database -> export is the identity.
    with pgtrigger.ignore("trajecten.FaseOvergang:faseovergang_niet_verwijderen",
                          "trajecten.Terugkoppeling:terugkoppeling_niet_verwijderen"):
        Deelnemer.objects.filter(programma=p).delete()
    Ketenpartner.objects.filter(programma=p).delete()
    p.delete()
    historie_importeren(data=json.loads(json.dumps(export)), vandaag=VANDAAG)
    assert programma_exporteren(Programma.objects.get(slug="flevoland")) == export


def test_older_file_with_a_contact_only_closure_stays_valid(coach1):
    data = voorbeeld()
    del data["deelnemers"][1]["trajecten"][0]["afsluitreden"]
    _importeer(data)
    oud = Traject.objects.filter(deelnemer__clientcode="FLV-0002").order_by("aanmelddatum").first()
    assert oud.afsluitreden == "" and oud.einddatum == datetime.date(2023, 5, 1)


def test_second_milestone_rules_are_checked(coach1):
    data = voorbeeld()
    data["programma"]["gemeenten"].append("buiten_regio")
    eerste, tweede = data["deelnemers"]
    t = eerste["trajecten"][0]
    t["organisatie"] = "Elders"
    t["nacontroles"] = [{"datum": "2025-05-01", "termijn": "12m", "uitkomst": "onbekend"},
                        {"datum": "2024-10-01", "termijn": "24m", "uitkomst": "onbekend"}]
    oud, nieuw = tweede["trajecten"]
    oud["uitstroom"] = {"datum": "2023-05-01", "soort": "gestopt", "reden": "contact_verloren"}  # never left contact
    nieuw["einddatum"] = "2024-07-01"  # ingestroomd and closed without uitstroom
    nieuw["afsluitreden"] = "overig"
    nieuw["nacontroles"] = [{"datum": "2024-07-02", "termijn": "6m", "uitkomst": "onbekend"}]
    assert _fouten(data) == [
        "deelnemers[0].trajecten[0].nacontroles[1].termijn: '24m' is geen bekende termijn van een nacontrole (6m of 12m)",
        "programma.gemeenten[6]: 'buiten_regio' kan geen gemeente heten: het is een sleutel van de cijfers",
        "deelnemers[0].trajecten[0].organisatie: 'Elders' is geen uitvoerende organisatie van het programma (programma.organisaties)",
        "deelnemers[0].trajecten[0].nacontroles[1].datum: 01-10-2024 ligt vóór de uitstroom (01-11-2024)",
        "deelnemers[0].trajecten[0].nacontroles[1].datum: 01-10-2024 ligt vóór de vorige nacontrole (01-05-2025); de data mogen niet teruglopen",
        "deelnemers[1].trajecten[0].uitstroom: een uitstroom hoort bij een traject dat is ingestroomd (een faseovergang na contact); sluit een traject dat nooit verder kwam dan contact af met een einddatum en eventueel een afsluitreden",
        "deelnemers[1].trajecten[1].einddatum: een afgesloten traject dat is ingestroomd heeft een uitstroom (uitgestapt of gestopt)",
        "deelnemers[1].trajecten[1].afsluitreden: een afsluitreden hoort alleen bij een traject dat nooit verder kwam dan contact",
        "deelnemers[1].trajecten[1].nacontroles[0].datum: een nacontrole kan alleen na een uitstroom als uitgestapt",
    ]
    _niets_geschreven()


def test_uitstroom_before_instroom_is_refused(coach1):
    data = voorbeeld()
    t = data["deelnemers"][0]["trajecten"][0]
    t["fasen"] = [{"fase": "contact", "datum": "2024-01-10"}, {"fase": "orientatie", "datum": "2024-02-01"}]
    t["uitstroom"]["datum"] = "2024-01-20"
    t["terugval"] = []
    fouten = _fouten(data)
    assert "deelnemers[0].trajecten[0].uitstroom.datum: 20-01-2024 ligt vóór de instroomdatum (01-02-2024)" in fouten
