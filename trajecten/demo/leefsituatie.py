"""Demo step: situations over time (circuit and sex work, to a room and a benefit, to own rent and wages),
follow-up checks at 6 and 12 months with all three outcomes, and two programmes' nazorg regimes.
"""

import datetime

from django.core.exceptions import ValidationError

from trajecten import selectors, services
from trajecten.models import Terugval
from uitstap.codes import Fase, NacontroleTermijn, NacontroleUitkomst, Regeling
from uitstap.models import Organisatie, Programma
from uitstap.services import programma_wijzigen

START = [
    {"woonsituatie": "in_het_circuit", "inkomstenbron": "sekswerk", "schulden": "problematisch",
     "sekswerk_status": "actief", "kvk_ingeschreven": True},
    {"woonsituatie": "particuliere_kamer", "inkomstenbron": "sekswerk", "schulden": "onbekend",
     "sekswerk_status": "actief", "kvk_ingeschreven": False},
    {"woonsituatie": "bij_anderen", "inkomstenbron": "geen", "schulden": "problematisch", "sekswerk_status": "afgebouwd"},
]
ONDERWEG = {"woonsituatie": "particuliere_kamer", "inkomstenbron": "bijstand", "schulden": "in_schuldhulp",
            "sekswerk_status": "gestopt"}
AANVRAAG = {"inkomstenbron": "bijstand_aangevraagd", "sekswerk_status": "afgebouwd"}
UIT = {"woonsituatie": "eigen_huur", "inkomstenbron": "loon", "schulden": "gestabiliseerd"}


def _vastleggen(traject, datum, data, door, notitie=""):
    try:
        services.leefsituatie_vastleggen(traject=traject, datum=datum, data=data, door=door, notitie=notitie)
    except ValidationError:
        pass  # nothing changed on that day, or a date outside the traject: the demo simply skips it


def _regimes(kern, vandaag):
    """Flevoland: 12 months of nazorg, contact every 6 weeks, checks at 6 and 12 months (the defaults, set
    explicitly). A second programme (CCV §4.1.4): six months of monthly contact, one check, then close."""
    coordinator = kern["gebruikers"]["coordinator"]
    programma = kern["programma"]
    programma.refresh_from_db()
    programma_wijzigen(programma=programma, door=coordinator, gelezen_versie=programma.versie, data={
        "nazorg_duur_maanden": 12, "nazorg_contact_dagen": 42, "nacontrole_6m": True, "nacontrole_12m": True})
    org, _ = Organisatie.objects.get_or_create(naam="Stichting Uitstap Haaglanden (demo)")
    tweede = Programma.objects.create(
        naam="Uitstapprogramma Haaglanden (demo)", slug="haaglanden", code="HGL", regeling=Regeling.GEMEENTELIJK,
        startdatum=datetime.date(vandaag.year - 3, 1, 1), nazorg_duur_maanden=6, nazorg_contact_dagen=30,
        nacontrole_6m=True, nacontrole_12m=False,
    )
    tweede.organisaties.set([org])


def seed_leefsituatie(*, rng, fake, vandaag, kern, deelnemers):
    _regimes(kern, vandaag)
    teller = 0
    for d in deelnemers:
        for t in d.trajecten.order_by("aanmelddatum", "id"):
            intake = getattr(t, "intake", None)
            if intake is None:
                continue
            door = d.begeleider
            _vastleggen(t, intake.datum, START[teller % len(START)], door, "Situatie bij de intake.")
            teller += 1
            overgangen = list(t.fase_overgangen.order_by("datum", "id"))
            uitvoering = next((o.datum for o in overgangen if o.fase == Fase.UITVOERING), None)
            if uitvoering is not None:
                _vastleggen(t, uitvoering, AANVRAAG, door, "Bijstand aangevraagd; afbouwen is begonnen.")
                halverwege = uitvoering + (min(vandaag, t.einddatum or vandaag) - uitvoering) / 2
                _vastleggen(t, halverwege, ONDERWEG, door, "Kamer gevonden; de bijstand is toegekend.")
            # A phase step back often follows a return to sex work during the traject.
            for vorige, o in zip(overgangen, overgangen[1:]):
                if Fase.values.index(o.fase) < Fase.values.index(vorige.fase):
                    _vastleggen(t, o.datum, {"sekswerk_status": "hervat", "inkomstenbron": "sekswerk"}, door,
                                "Weer aan het werk gegaan; samen besproken wat nodig is.")
            uitstap = services.uitstap_van(t)
            if uitstap is None:
                continue
            _vastleggen(t, uitstap.datum, {**UIT, "sekswerk_status": "gestopt"}, door, "Vast contract; eigen woning.")
            _nacontroles(t, uitstap.datum, vandaag, door, rng)


def _nacontroles(traject, uitstapdatum, vandaag, door, rng):
    terugvallen = list(Terugval.objects.filter(traject__deelnemer_id=traject.deelnemer_id).values_list("datum", flat=True))
    for termijn, maanden in ((NacontroleTermijn.ZES_MAANDEN, 6), (NacontroleTermijn.TWAALF_MAANDEN, 12)):
        datum = selectors.plus_maanden(uitstapdatum, maanden) + datetime.timedelta(days=rng.randint(0, 10))
        if datum > vandaag:
            return
        if any(uitstapdatum <= t <= datum for t in terugvallen):
            uitkomst, notitie = NacontroleUitkomst.TERUGGEVALLEN, "Weer aan het werk; nieuw traject besproken."
        elif rng.random() < 0.3:
            uitkomst, notitie = NacontroleUitkomst.ONBEKEND, "Drie keer gebeld en een bericht gestuurd; niet bereikt."
        else:
            uitkomst, notitie = NacontroleUitkomst.UITGESTAPT_GEBLEVEN, "Werk en woning zijn stabiel."
        services.nacontrole_vastleggen(traject=traject, datum=datum, termijn=termijn, uitkomst=uitkomst,
                                       notitie=notitie, door=door)
