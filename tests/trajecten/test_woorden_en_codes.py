"""Words on screen (terugstap, gender-neutral) and the code keys added by issue 18 in figures and import."""

import datetime

import pytest

from rapportage.cijfers import gestopt_per_reden, uitgestapt_per_resultaat, verwijzingen_per_soort
from rapportage.uitwisseling.schema import SCHEMA
from trajecten import selectors, services
from uitstap.codes import IntakeBesluit, KetenpartnerSoort, Stopreden, UitstroomResultaat, Verwijzer

D = datetime.date


def _versie(traject):
    return type(traject).objects.get(pk=traject.pk).versie


def test_added_keys_exist_and_old_keys_keep_their_place():
    assert Stopreden.values[:7] == ["motivatie", "terug_in_prostitutie", "contact_verloren", "verhuisd", "doorverwezen",
                                    "afspraken_niet_nagekomen", "overig"]
    assert {"financiering_beeindigd", "contra_indicatie"} <= set(Stopreden.values)
    assert {"lotgenoot", "online"} <= set(Verwijzer.values)
    assert {"wijkteam", "vrouwenopvang", "dagbesteding_sw", "werkgever", "huisarts"} <= set(KetenpartnerSoort.values)
    assert {"zorg_behandeling", "zelfstandig_buiten_branche"} <= set(UitstroomResultaat.values)


def test_figures_count_the_added_keys(programma, deelnemer, coach):
    t = services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach, verwijzer="lotgenoot")
    services.intake_vastleggen(traject=t, data={"datum": D(2025, 1, 20), "besluit": IntakeBesluit.TOEGELATEN}, door=coach)
    services.uitstroom_vastleggen(traject=t, gelezen_versie=_versie(t), soort="gestopt", datum=D(2025, 3, 1), reden="financiering_beeindigd", door=coach)
    per_reden = gestopt_per_reden(programma, D(2025, 1, 1), D(2025, 12, 31))
    assert per_reden["financiering_beeindigd"] == 1 and per_reden["contra_indicatie"] == 0
    assert uitgestapt_per_resultaat(programma, D(2025, 1, 1), D(2025, 12, 31))["zelfstandig_buiten_branche"] == 0
    assert verwijzingen_per_soort(programma, D(2025, 1, 1), D(2025, 12, 31))["huisarts"] == {
        "verwezen": 0, "gestart": 0, "mediane_wachttijd_dagen": None}


def test_import_schema_accepts_the_added_keys():
    tekst = str(SCHEMA)
    for sleutel in ("lotgenoot", "financiering_beeindigd", "zorg_behandeling", "huisarts"):
        assert f"'{sleutel}'" in tekst


def test_a_phase_step_back_is_a_terugstap_on_the_timeline(deelnemer, coach):
    t = services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach)
    services.fase_wijzigen(traject=t, fase="uitvoering", datum=D(2025, 2, 1), door=coach)
    services.fase_wijzigen(traject=t, fase="orientatie", datum=D(2025, 3, 1), door=coach, reden="Meer tijd nodig")
    titels = [i.titel for i in selectors.tijdlijn(t) if i.soort == "fase"]
    assert "Terugstap naar fase Oriëntatie" in titels and "Fase: Uitvoering" in titels
    assert not any("erugval" in x for x in titels)


@pytest.mark.parametrize("bestand", ["trajecten/forms/leefsituatie.py", "trajecten/views/leefsituatie.py",
                                     "templates/trajecten/leefsituatie_tab.html"])
def test_new_screens_use_gender_neutral_words(bestand):
    import re
    from pathlib import Path

    tekst = Path(__file__).resolve().parents[2].joinpath(bestand).read_text()
    assert not re.search(r"\b(haar|ze|zij|hij|hem)\b", tekst)
