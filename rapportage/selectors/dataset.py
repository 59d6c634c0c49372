"""The uniform dataset: one row per traject in DEFINITIONS codes, pseudonymous (a random key per export).

The clientcode is replaced by a key drawn anew for every export, so two exports cannot be linked and
no row leads back to a dossier; a participant's trajecten share the key (herinstroom stays visible).
Birth year and country are given as leeftijdsgroep and herkomst only.
"""

import secrets

from trajecten.models import Nacontrole, Terugval, Traject
from uitstap.codes import herkomst_van, leeftijdsgroep_van

KOLOMMEN = (
    "deelnemer", "traject", "organisatie", "woongemeente", "gender", "leeftijdsgroep", "juridische_categorie",
    "herkomst", "sector", "signalen_mensenhandel", "verwijzer", "aanmelddatum", "instroomdatum", "intake_besluit",
    "trajectplan_ondertekend", "uitstroom_datum", "uitstroom_soort", "uitstroom_resultaat", "branche", "stopreden",
    "einddatum", "afsluitreden", "eerste_terugval", "nacontrole_12m",
)


def _d(waarde):
    return waarde.isoformat() if waarde else ""


def uniforme_dataset(programma, deelnemers) -> tuple[tuple[str, ...], list[list], list[str]]:
    """(columns, rows, clientcodes) over the trajecten of `deelnemers` (a visible-to queryset) in `programma`."""
    gemeenten = set(programma.gemeenten.values_list("naam", flat=True))
    basis = Traject.objects.filter(deelnemer__in=deelnemers.filter(programma=programma))
    trajecten = (basis.select_related("deelnemer__woongemeente", "organisatie", "intake", "uitstroom")
                 .order_by("deelnemer_id", "aanmelddatum", "id"))
    # The instroom date and the first day a plan was signed by both are kept on the traject (Traject.instroom_op,
    # eerste_ondertekening_op). What a row needs besides of a traject's history comes per kind from one query over
    # the same trajecten (a subquery, not a list of tens of thousands of ids), as values rather than model instances.
    ids = basis.values("pk")
    eerste_terugval: dict[int, object] = {}
    for traject_id, datum in (Terugval.objects.filter(traject__in=ids).order_by("traject_id", "datum", "id")
                              .values_list("traject_id", "datum")):
        eerste_terugval.setdefault(traject_id, datum)
    nacontrole_12m: dict[int, str] = {}
    for traject_id, uitkomst in (Nacontrole.objects.filter(traject__in=ids, termijn="12m")
                                 .order_by("traject_id", "datum", "aangemaakt_op", "id")
                                 .values_list("traject_id", "uitkomst")):
        nacontrole_12m[traject_id] = uitkomst  # the last one counts
    sleutels: dict[int, str] = {}
    gebruikt: set[str] = set()
    volgnummer: dict[int, int] = {}
    rijen, codes = [], set()
    for t in trajecten:
        dn = t.deelnemer
        codes.add(dn.clientcode)
        while dn.pk not in sleutels:
            kandidaat = secrets.token_hex(5)
            if kandidaat not in gebruikt:
                sleutels[dn.pk] = kandidaat
                gebruikt.add(kandidaat)
        volgnummer[dn.pk] = volgnummer.get(dn.pk, 0) + 1
        instroom = t.instroom_op
        u = getattr(t, "uitstroom", None)
        intake = getattr(t, "intake", None)
        woon = dn.woongemeente.naam if dn.woongemeente_id and dn.woongemeente.naam else ""
        terugval = eerste_terugval.get(t.pk)
        rijen.append([
            sleutels[dn.pk], volgnummer[dn.pk], t.organisatie.naam if t.organisatie_id else "",
            woon if woon in gemeenten else ("buiten_regio" if woon else "onbekend"),
            dn.gender or "onbekend", leeftijdsgroep_van(instroom.year, dn.geboortejaar) if instroom else "",
            dn.juridische_categorie or "onbekend", herkomst_van(dn.herkomstland), dn.sector or "onbekend",
            "ja" if dn.signalen_mensenhandel else "nee", t.verwijzer, _d(t.aanmelddatum), _d(instroom),
            intake.besluit if intake else "", _d(t.eerste_ondertekening_op),
            _d(u.datum) if u else "", u.soort if u else "", u.resultaat if u else "", u.branche if u else "",
            u.reden if u else "", _d(t.einddatum), t.afsluitreden, _d(terugval), nacontrole_12m.get(t.pk, ""),
        ])
    # Sorted by the random key, so the order reveals nothing about clientcodes or registration order.
    rijen.sort(key=lambda r: (r[0], r[1]))
    return KOLOMMEN, rijen, sorted(codes)
