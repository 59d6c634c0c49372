"""The figures of DEFINITIONS.md: one function per JSON key, each computed in the database.

`alle_cijfers(programma, van, tot)` returns every key, in the order of DEFINITIONS.md, with zeroes
rather than missing keys. `van` and `tot` are inclusive dates.
"""

import datetime

from rapportage.cijfers.basis import een_doorgang
from rapportage.cijfers.contacten import contacturen, contactmomenten_gehouden, niet_verschenen
from rapportage.cijfers.doelgroep import doelgroep_instroom
from rapportage.cijfers.instroom import (
    aanmeldingen,
    actief_in_periode,
    herinstroom,
    in_traject_op_einddatum,
    ingestroomd,
    intakes_gehouden,
    per_fase_op_einddatum,
)
from rapportage.cijfers.plannen import (
    doelen_per_leefgebied,
    leefgebied_voortgang,
    trajectplannen_ondertekend,
    trajectplannen_opgesteld,
)
from rapportage.cijfers.programmajaar import (
    begroting,
    intakes_begroot,
    kosten_per_actieve_deelnemer,
    uitgaven,
    verwacht_deelnemers,
)
from rapportage.cijfers.uitstroom import (
    duurzaam_uitgestapt_12m,
    gestopt_per_reden,
    terugval,
    terugval_binnen_12m,
    tussentijds_gestopt,
    uitgestapt,
    uitgestapt_per_branche,
    uitgestapt_per_resultaat,
)
from rapportage.cijfers.verwijzingen import verwijzingen_per_soort

# Every key of DEFINITIONS.md, in its order.
SLEUTELS = [
    "verwacht_deelnemers", "intakes_begroot", "begroting", "uitgaven",
    "aanmeldingen", "intakes_gehouden", "ingestroomd", "herinstroom", "actief_in_periode",
    "in_traject_op_einddatum", "per_fase_op_einddatum",
    "uitgestapt", "uitgestapt_per_resultaat", "uitgestapt_per_branche", "tussentijds_gestopt",
    "gestopt_per_reden", "terugval", "duurzaam_uitgestapt_12m", "terugval_binnen_12m",
    "trajectplannen_opgesteld", "trajectplannen_ondertekend", "doelen_per_leefgebied", "leefgebied_voortgang",
    "verwijzingen_per_soort", "doelgroep_instroom",
    "contactmomenten_gehouden", "contacturen", "niet_verschenen", "kosten_per_actieve_deelnemer",
]

_JAARCIJFERS = {verwacht_deelnemers, intakes_begroot, begroting, uitgaven}


def periode_van_jaar(jaar: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)


def alle_cijfers(programma, van: datetime.date, tot: datetime.date, *, jaar: int | None = None) -> dict:
    """Every figure of `programma` over [van, tot]; the programme's own figures are those of `jaar` (default: van's year)."""
    with een_doorgang():
        return _alle(programma, van, tot, jaar)


def _alle(programma, van, tot, jaar) -> dict:
    uit = {}
    for sleutel in SLEUTELS:
        functie = globals()[sleutel]
        if functie in _JAARCIJFERS:
            uit[sleutel] = functie(programma, van, tot, jaar=jaar)
        elif functie is kosten_per_actieve_deelnemer:
            uit[sleutel] = functie(programma, van, tot, jaar=jaar, actief=uit["actief_in_periode"])
        else:
            uit[sleutel] = functie(programma, van, tot)
    return uit


__all__ = ["SLEUTELS", "alle_cijfers", "periode_van_jaar", *SLEUTELS]
