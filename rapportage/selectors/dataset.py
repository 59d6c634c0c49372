"""The uniform dataset: one row per traject in DEFINITIONS codes, pseudonymous (a random key per export).

The clientcode is replaced by a key drawn anew for every export, so two exports cannot be linked and
no row leads back to a dossier; a participant's trajecten share the key (herinstroom stays visible).
Birth year and country are given as leeftijdsgroep and herkomst only.
"""

import secrets

from django.db.models import Prefetch

from rapportage.cijfers.basis import INSTROOM_FASEN
from trajecten.models import FaseOvergang, Nacontrole, Terugval, Traject, Trajectplan
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
    trajecten = (
        Traject.objects.filter(deelnemer__in=deelnemers.filter(programma=programma))
        .select_related("deelnemer__woongemeente", "organisatie", "intake", "uitstroom")
        .prefetch_related(
            Prefetch("fase_overgangen", queryset=FaseOvergang.objects.filter(fase__in=INSTROOM_FASEN).order_by("datum", "id")),
            Prefetch("plannen", queryset=Trajectplan.objects.order_by("volgnummer")),
            Prefetch("terugvallen", queryset=Terugval.objects.order_by("datum", "id")),
            Prefetch("nacontroles", queryset=Nacontrole.objects.filter(termijn="12m").order_by("datum", "aangemaakt_op", "id")),
        )
        .order_by("deelnemer_id", "aanmelddatum", "id")
    )
    sleutels: dict[int, str] = {}
    volgnummer: dict[int, int] = {}
    rijen, codes = [], set()
    for t in trajecten:
        dn = t.deelnemer
        codes.add(dn.clientcode)
        while dn.pk not in sleutels:
            kandidaat = secrets.token_hex(5)
            if kandidaat not in sleutels.values():
                sleutels[dn.pk] = kandidaat
        volgnummer[dn.pk] = volgnummer.get(dn.pk, 0) + 1
        instroom = next((f.datum for f in t.fase_overgangen.all()), None)
        getekend = [p.ondertekend_op for p in t.plannen.all() if p.ondertekend_op]
        u = getattr(t, "uitstroom", None)
        intake = getattr(t, "intake", None)
        woon = dn.woongemeente.naam if dn.woongemeente_id and dn.woongemeente.naam else ""
        checks = list(t.nacontroles.all())
        terugval = next(iter(t.terugvallen.all()), None)
        rijen.append([
            sleutels[dn.pk], volgnummer[dn.pk], t.organisatie.naam if t.organisatie_id else "",
            woon if woon in gemeenten else ("buiten_regio" if woon else "onbekend"),
            dn.gender or "onbekend", leeftijdsgroep_van(instroom.year, dn.geboortejaar) if instroom else "",
            dn.juridische_categorie or "onbekend", herkomst_van(dn.herkomstland), dn.sector or "onbekend",
            "ja" if dn.signalen_mensenhandel else "nee", t.verwijzer, _d(t.aanmelddatum), _d(instroom),
            intake.besluit if intake else "", _d(min(getekend)) if getekend else "",
            _d(u.datum) if u else "", u.soort if u else "", u.resultaat if u else "", u.branche if u else "",
            u.reden if u else "", _d(t.einddatum), t.afsluitreden, _d(terugval.datum) if terugval else "",
            checks[-1].uitkomst if checks else "",
        ])
    # Sorted by the random key, so the order reveals nothing about clientcodes or registration order.
    rijen.sort(key=lambda r: (r[0], r[1]))
    return KOLOMMEN, rijen, sorted(codes)
