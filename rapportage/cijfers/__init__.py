"""The figures of DEFINITIONS.md: one function per JSON key, each computed in the database.

`alle_cijfers(programma, van, tot)` returns every key, in the order of DEFINITIONS.md, with zeroes
rather than missing keys. `van` and `tot` are inclusive dates.
"""

import datetime

from django.db import transaction

from rapportage.cijfers import zij_aan_zij as zij_aan_zij_
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
from rapportage.cijfers.leefsituatie import leefsituatie_instroom_uitstroom
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
from rapportage.cijfers.verslag import (
    afgesloten_zonder_instroom,
    cumulatief,
    doorlooptijden,
    gestopt_per_fase,
    intakes_per_besluit,
    nacontrole_12m,
    per_organisatie,
    per_woongemeente,
)
from rapportage.cijfers.outreach import aanmeldingen_via_outreach, outreach_per_locatiesoort
from rapportage.cijfers.verwijzingen import verwijzingen_per_soort

# Every key of DEFINITIONS.md with its selector, in the order of DEFINITIONS.md (first set, then second set).
FIGUREN = (
    ("verwacht_deelnemers", verwacht_deelnemers),
    ("intakes_begroot", intakes_begroot),
    ("begroting", begroting),
    ("uitgaven", uitgaven),
    ("aanmeldingen", aanmeldingen),
    ("intakes_gehouden", intakes_gehouden),
    ("ingestroomd", ingestroomd),
    ("herinstroom", herinstroom),
    ("actief_in_periode", actief_in_periode),
    ("in_traject_op_einddatum", in_traject_op_einddatum),
    ("per_fase_op_einddatum", per_fase_op_einddatum),
    ("uitgestapt", uitgestapt),
    ("uitgestapt_per_resultaat", uitgestapt_per_resultaat),
    ("uitgestapt_per_branche", uitgestapt_per_branche),
    ("tussentijds_gestopt", tussentijds_gestopt),
    ("gestopt_per_reden", gestopt_per_reden),
    ("terugval", terugval),
    ("duurzaam_uitgestapt_12m", duurzaam_uitgestapt_12m),
    ("terugval_binnen_12m", terugval_binnen_12m),
    ("trajectplannen_opgesteld", trajectplannen_opgesteld),
    ("trajectplannen_ondertekend", trajectplannen_ondertekend),
    ("doelen_per_leefgebied", doelen_per_leefgebied),
    ("leefgebied_voortgang", leefgebied_voortgang),
    ("verwijzingen_per_soort", verwijzingen_per_soort),
    ("doelgroep_instroom", doelgroep_instroom),
    ("contactmomenten_gehouden", contactmomenten_gehouden),
    ("contacturen", contacturen),
    ("niet_verschenen", niet_verschenen),
    ("kosten_per_actieve_deelnemer", kosten_per_actieve_deelnemer),
    # Figures for the verslag (second set).
    ("cumulatief", cumulatief),
    ("afgesloten_zonder_instroom", afgesloten_zonder_instroom),
    ("intakes_per_besluit", intakes_per_besluit),
    ("gestopt_per_fase", gestopt_per_fase),
    ("doorlooptijden", doorlooptijden),
    ("per_woongemeente", per_woongemeente),
    ("per_organisatie", per_organisatie),
    ("nacontrole_12m", nacontrole_12m),
    # Added by issue 18 (README, figures section).
    ("leefsituatie_instroom_uitstroom", leefsituatie_instroom_uitstroom),
    # The outreach register (README, Cijfers: outreach).
    ("outreach_per_locatiesoort", outreach_per_locatiesoort),
    ("aanmeldingen_via_outreach", aanmeldingen_via_outreach),
)
SLEUTELS = [sleutel for sleutel, _ in FIGUREN]
# The second set (DEFINITIONS.md, "Figures for the verslag (second set)").
SLEUTELS_VERSLAG = SLEUTELS[SLEUTELS.index("cumulatief"):]

_JAARCIJFERS = {verwacht_deelnemers, intakes_begroot, begroting, uitgaven}


def periode_van_jaar(jaar: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)


def alle_cijfers(programma, van: datetime.date, tot: datetime.date, *, jaar: int | None = None,
                 zij_aan_zij: bool = False) -> dict:
    """Every figure of `programma` over [van, tot]; the programme's own figures are those of `jaar` (default: van's year).

    `zij_aan_zij`: on PostgreSQL outside a transaction, the large figure queries run on two connections at once,
    on one snapshot (rapportage.cijfers.zij_aan_zij): for a verslag, where they are most of the wait."""
    with een_doorgang():
        if zij_aan_zij and zij_aan_zij_.mogelijk():
            with transaction.atomic():
                return _alle(programma, van, tot, jaar, zij_aan_zij_.vooraf(programma, van, tot, dict(FIGUREN)))
        return _alle(programma, van, tot, jaar, {})


def _alle(programma, van, tot, jaar, vooraf: dict) -> dict:
    uit = {}
    for sleutel, functie in FIGUREN:
        if sleutel in vooraf:
            uit[sleutel] = vooraf[sleutel]
        elif functie in _JAARCIJFERS:
            uit[sleutel] = functie(programma, van, tot, jaar=jaar)
        elif functie is kosten_per_actieve_deelnemer:
            uit[sleutel] = functie(programma, van, tot, jaar=jaar, actief=uit["actief_in_periode"])
        else:
            uit[sleutel] = functie(programma, van, tot)
    return uit


__all__ = ["FIGUREN", "SLEUTELS", "SLEUTELS_VERSLAG", "alle_cijfers", "periode_van_jaar", *SLEUTELS]
