"""Figures on registration, intake and who is in a traject (aanmeldingen .. per_fase_op_einddatum)."""

from django.db.models import Count, Exists, OuterRef

from rapportage.cijfers.basis import (
    fase_op,
    groep,
    met_instroomdatum,
    tel_over,
    open_op,
    telling,
    trajecten_van,
)
from trajecten.models import Intake, Traject
from uitstap.codes import Fase


@groep
def _trajecten(programma, van, tot) -> dict:
    """One pass over the programme's trajecten with their instroomdatum for five figures."""
    eerder_ingestroomd = Traject.objects.filter(
        deelnemer=OuterRef("deelnemer"),
        aanmelddatum__lt=OuterRef("aanmelddatum"),
        instroom_op__isnull=False,  # that earlier traject ever ingestroomd
    )
    qs = (
        met_instroomdatum(trajecten_van(programma))
        .annotate(eerder=Exists(eerder_ingestroomd))
        .values("aanmelddatum", "einddatum", "instroomdatum", "eerder")
    )
    p = [van, tot]
    ingestroomd_in_p = "s.instroomdatum >= %s AND s.instroomdatum <= %s"
    return tel_over(qs, {
        "aanmeldingen": ("s.aanmelddatum >= %s AND s.aanmelddatum <= %s", p),
        "ingestroomd": (ingestroomd_in_p, p),
        "herinstroom": (f"{ingestroomd_in_p} AND s.eerder", p),
        "actief": ("s.instroomdatum <= %s AND (s.einddatum IS NULL OR s.einddatum >= %s)", [tot, van]),
        "in_traject": ("s.instroomdatum <= %s AND s.aanmelddatum <= %s AND (s.einddatum IS NULL OR s.einddatum > %s)",
                       [tot, tot, tot]),
    })


def aanmeldingen(programma, van, tot) -> int:
    return _trajecten(programma, van, tot)["aanmeldingen"]


def intakes_gehouden(programma, van, tot) -> int:
    return Intake.objects.filter(traject__deelnemer__programma=programma, datum__gte=van, datum__lte=tot).count()


def ingestroomd(programma, van, tot) -> int:
    return _trajecten(programma, van, tot)["ingestroomd"]


def herinstroom(programma, van, tot) -> int:
    """Ingestroomd trajecten whose participant had an earlier traject that itself ingestroomd."""
    return _trajecten(programma, van, tot)["herinstroom"]


def actief_in_periode(programma, van, tot) -> int:
    """Trajecten ingestroomd by the end of P and not closed before its start (basis.actief_qs)."""
    return _trajecten(programma, van, tot)["actief"]


def in_traject_op_einddatum(programma, van, tot) -> int:
    return _trajecten(programma, van, tot)["in_traject"]


def per_fase_op_einddatum(programma, van, tot) -> dict:
    rijen = (
        trajecten_van(programma).filter(open_op(tot))
        .annotate(code=fase_op(tot)).values("code").annotate(n=Count("pk")).order_by()
    )
    return telling(Fase.values, rijen)
