"""The figure `leefsituatie_instroom_uitstroom`: the situation at instroom beside that at uitstroom (README, figures)."""

from rapportage.cijfers.basis import instroomdatum
from trajecten.models import Leefsituatie, Uitstroom
from uitstap.codes import Inkomstenbron, Schulden, SekswerkStatus, UitstroomSoort, Woonsituatie

ONBEKEND = "onbekend"
# Per field the keys of its dict, every one always present; a field never recorded counts under `onbekend`.
CODES = {
    "inkomstenbron": list(Inkomstenbron.values),
    "kvk_ingeschreven": ["ja", "nee", ONBEKEND],
    "woonsituatie": list(Woonsituatie.values),
    "schulden": list(Schulden.values),
    "sekswerk_status": [*SekswerkStatus.values, ONBEKEND],
}


def _code(veld, waarde) -> str:
    if waarde in ("", None):
        return ONBEKEND
    if veld == "kvk_ingeschreven":
        return "ja" if waarde else "nee"
    return waarde


def situatie_op(rijen, dag) -> dict:
    """Per field the code of the latest row dated on or before `dag` that sets it (rows in date, id order)."""
    situatie = dict.fromkeys(CODES, ONBEKEND)
    if dag is None:
        return situatie
    for rij in rijen:
        if rij["datum"] > dag:
            break
        for veld in CODES:
            if rij[veld] not in ("", None):
                situatie[veld] = _code(veld, rij[veld])
    return situatie


def leefsituatie_instroom_uitstroom(programma, van, tot) -> dict:
    """Over Uitstroom records of soort uitgestapt dated in P: counts per code at instroom and at uitstroom."""
    uitstroom = Uitstroom.objects.filter(traject__deelnemer__programma=programma, soort=UitstroomSoort.UITGESTAPT,
                                         datum__gte=van, datum__lte=tot)
    cohort = list(uitstroom.values_list("traject__deelnemer_id", "datum", instroomdatum("traject_id")))
    # The participants as a subquery, not as a list of ids: a thousand exits would bind a thousand parameters.
    rijen = {}
    for rij in (Leefsituatie.objects.filter(traject__deelnemer_id__in=uitstroom.values("traject__deelnemer_id"))
                .order_by("datum", "id").values("traject__deelnemer_id", "datum", *CODES)):
        rijen.setdefault(rij["traject__deelnemer_id"], []).append(rij)
    uit = {moment: {veld: dict.fromkeys(codes, 0) for veld, codes in CODES.items()} for moment in ("instroom", "uitstroom")}
    zonder = 0  # participants with no Leefsituatie at all: onbekend on every field, at both moments
    for deelnemer, uitstroomdatum, instroom in cohort:
        if deelnemer not in rijen:
            zonder += 1
            continue
        for moment, dag in (("instroom", instroom), ("uitstroom", uitstroomdatum)):
            for veld, code in situatie_op(rijen[deelnemer], dag).items():
                uit[moment][veld][code] += 1
    for moment in uit.values():
        for telling in moment.values():
            telling[ONBEKEND] += zonder
    return {"trajecten": len(cohort), **uit}
