"""The national overview: several programmes' `rups_verslag --format json` files merged into one table.

Counts (and dicts of counts) are summed; medians, averages and per-programme splits cannot be summed
and are shown per programme only. No personal data is involved: the input is figures only.
"""

from fractions import Fraction

from rapportage.cijfers import SLEUTELS
from rapportage.cijfers.basis import afronden, getal

# Not summable: medians, averages, a ratio, and splits whose keys belong to one programme.
NIET_OPTELBAAR = (
    "leefgebied_voortgang", "doorlooptijden", "kosten_per_actieve_deelnemer", "per_woongemeente", "per_organisatie",
)
# Inside verwijzingen_per_soort only the median is not summable.
NIET_OPTELBAAR_VELD = {"mediane_wachttijd_dagen"}


class OngeldigBestand(ValueError):
    pass


def controleren(naam: str, data) -> None:
    if not isinstance(data, dict):
        raise OngeldigBestand(f"{naam}: het bestand moet één JSON-object zijn (de uitvoer van rups_verslag --format json).")
    ontbrekend = [k for k in SLEUTELS if k not in data]
    if ontbrekend:
        raise OngeldigBestand(f"{naam}: sleutels ontbreken ({', '.join(ontbrekend[:5])}{'…' if len(ontbrekend) > 5 else ''}); "
                              "gebruik de uitvoer van rups_verslag --format json.")


def _optellen(waarden: list):
    """Sum numbers (None ignored; None when all are None), recursively over dicts with the same keys."""
    eerste = next((w for w in waarden if w is not None), None)
    if isinstance(eerste, dict):
        sleutels = list(eerste)
        return {k: (None if k in NIET_OPTELBAAR_VELD else _optellen([(w or {}).get(k) for w in waarden])) for k in sleutels}
    getallen = [w for w in waarden if isinstance(w, (int, float)) and not isinstance(w, bool)]
    if not getallen:
        return None
    totaal = sum(Fraction(str(g)) for g in getallen)
    return getal(totaal) if totaal.denominator == 1 else getal(afronden(totaal, 2))


def samenvoegen(bestanden: dict[str, dict]) -> dict:
    """{"programmas": {naam: figures}, "totaal": {summable key: sum}, "niet_opgeteld": [...]}."""
    for naam, data in bestanden.items():
        controleren(naam, data)
    totaal = {}
    for sleutel in SLEUTELS:
        if sleutel in NIET_OPTELBAAR:
            continue
        totaal[sleutel] = _optellen([data[sleutel] for data in bestanden.values()])
    uitgaven, actief = totaal.get("uitgaven"), totaal.get("actief_in_periode")
    totaal["kosten_per_actieve_deelnemer"] = (
        getal(afronden(Fraction(str(uitgaven)) / actief, 0)) if uitgaven and actief else None
    )
    niet_opgeteld = [k for k in NIET_OPTELBAAR if k != "kosten_per_actieve_deelnemer"]
    return {"programmas": bestanden, "totaal": totaal, "niet_opgeteld": [*niet_opgeteld, "mediane_wachttijd_dagen"]}
