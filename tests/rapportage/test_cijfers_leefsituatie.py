"""`leefsituatie_instroom_uitstroom` against a hand-computed example (definition: README, figures section)."""

import datetime

import pytest

from rapportage.cijfers import alle_cijfers, leefsituatie_instroom_uitstroom
from tests.factories import DeelnemerFactory
from trajecten import services
from uitstap.codes import IntakeBesluit, UitstroomSoort

D = datetime.date


def _versie(traject):
    return type(traject).objects.get(pk=traject.pk).versie
VAN, TOT = D(2025, 1, 1), D(2025, 12, 31)


def _traject(programma, coach, aanmeld, intake):
    t = services.traject_starten(deelnemer=DeelnemerFactory(programma=programma, begeleider=coach),
                                 aanmelddatum=aanmeld, door=coach)
    services.intake_vastleggen(traject=t, data={"datum": intake, "besluit": IntakeBesluit.TOEGELATEN}, door=coach)
    return t


def _ls(t, coach, datum, **data):
    services.leefsituatie_vastleggen(traject=t, datum=datum, data=data, door=coach)


def _uit(t, coach, datum):
    services.uitstroom_vastleggen(traject=t, gelezen_versie=_versie(t), soort=UitstroomSoort.UITGESTAPT, datum=datum, resultaat="betaald_werk",
                                  door=coach, afsluiten=False)


@pytest.fixture
def voorbeeld(programma, coach):
    # A: instroom 01-12-2024 in the circuit on sex work; exits 01-09-2025 into own rent and wages.
    a = _traject(programma, coach, D(2024, 11, 1), D(2024, 12, 1))
    _ls(a, coach, D(2024, 11, 5), inkomstenbron="sekswerk", woonsituatie="in_het_circuit", schulden="problematisch",
        sekswerk_status="actief", kvk_ingeschreven=True)
    _ls(a, coach, D(2025, 3, 1), inkomstenbron="bijstand", woonsituatie="particuliere_kamer")
    _ls(a, coach, D(2025, 6, 1), sekswerk_status="gestopt", schulden="in_schuldhulp")
    _ls(a, coach, D(2025, 9, 1), inkomstenbron="loon", woonsituatie="bij_anderen")
    _ls(a, coach, D(2025, 9, 1), woonsituatie="eigen_huur")  # same day, recorded later: this one counts
    _uit(a, coach, D(2025, 9, 1))
    # B: nothing known at instroom (10-02-2025); first row after it; a row after the exit does not count.
    b = _traject(programma, coach, D(2025, 2, 1), D(2025, 2, 10))
    _ls(b, coach, D(2025, 4, 1), woonsituatie="opvang", sekswerk_status="afgebouwd")
    _uit(b, coach, D(2025, 5, 1))
    _ls(b, coach, D(2025, 6, 1), woonsituatie="eigen_huur")
    # C: stopped early in P (not an exit); D: exited before P. Neither counts.
    c = _traject(programma, coach, D(2025, 1, 5), D(2025, 1, 10))
    _ls(c, coach, D(2025, 1, 10), woonsituatie="dakloos")
    services.uitstroom_vastleggen(traject=c, gelezen_versie=_versie(c), soort=UitstroomSoort.GESTOPT, datum=D(2025, 7, 1), reden="motivatie", door=coach)
    d = _traject(programma, coach, D(2024, 1, 5), D(2024, 1, 10))
    _ls(d, coach, D(2024, 1, 10), woonsituatie="opvang")
    _uit(d, coach, D(2024, 12, 15))


def _nullen(codes, **n):
    return {k: n.get(k, 0) for k in codes}


INKOMEN = ["bijstand_aangevraagd", "bijstand", "uwv", "tozo", "loon", "eigen_onderneming", "sekswerk", "geen", "onbekend"]
WONEN = ["eigen_huur", "particuliere_kamer", "bij_anderen", "in_het_circuit", "opvang", "beschermd_wonen", "dakloos",
         "onbekend"]
SCHULDEN = ["geen", "problematisch", "in_schuldhulp", "gestabiliseerd", "onbekend"]
SEKSWERK = ["actief", "afgebouwd", "gestopt", "hervat", "onbekend"]
KVK = ["ja", "nee", "onbekend"]


def test_hand_computed(programma, voorbeeld):
    assert leefsituatie_instroom_uitstroom(programma, VAN, TOT) == {
        "trajecten": 2,
        "instroom": {
            "inkomstenbron": _nullen(INKOMEN, sekswerk=1, onbekend=1),
            "kvk_ingeschreven": _nullen(KVK, ja=1, onbekend=1),
            "woonsituatie": _nullen(WONEN, in_het_circuit=1, onbekend=1),
            "schulden": _nullen(SCHULDEN, problematisch=1, onbekend=1),
            "sekswerk_status": _nullen(SEKSWERK, actief=1, onbekend=1),
        },
        "uitstroom": {
            "inkomstenbron": _nullen(INKOMEN, loon=1, onbekend=1),
            "kvk_ingeschreven": _nullen(KVK, ja=1, onbekend=1),
            "woonsituatie": _nullen(WONEN, eigen_huur=1, opvang=1),
            "schulden": _nullen(SCHULDEN, in_schuldhulp=1, onbekend=1),
            "sekswerk_status": _nullen(SEKSWERK, gestopt=1, afgebouwd=1),
        },
    }


def test_empty_period_has_every_key_with_zeroes(programma, voorbeeld):
    leeg = leefsituatie_instroom_uitstroom(programma, D(2023, 1, 1), D(2023, 12, 31))
    assert leeg["trajecten"] == 0
    assert leeg["instroom"]["woonsituatie"] == _nullen(WONEN)
    assert leeg["uitstroom"]["sekswerk_status"] == _nullen(SEKSWERK)


def test_matches_the_literal_reading_and_sits_in_alle_cijfers(programma, voorbeeld):
    from tests.rapportage.referentie import referentie_cijfers

    alles = alle_cijfers(programma, VAN, TOT)
    assert "leefsituatie_instroom_uitstroom" in alles
    assert alles == referentie_cijfers(programma, VAN, TOT)
