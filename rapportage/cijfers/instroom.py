"""Figures on registration, intake and who is in a traject (aanmeldingen .. per_fase_op_einddatum)."""

from django.db.models import Count, Exists, OuterRef

from rapportage.cijfers.basis import (
    INSTROOM_FASEN,
    actief_qs,
    fase_op,
    ingestroomd_qs,
    met_instroomdatum,
    open_op,
    telling,
    trajecten_van,
)
from trajecten.models import FaseOvergang, Intake, Traject
from uitstap.codes import Fase


def aanmeldingen(programma, van, tot) -> int:
    return trajecten_van(programma).filter(aanmelddatum__gte=van, aanmelddatum__lte=tot).count()


def intakes_gehouden(programma, van, tot) -> int:
    return Intake.objects.filter(traject__deelnemer__programma=programma, datum__gte=van, datum__lte=tot).count()


def ingestroomd(programma, van, tot) -> int:
    return ingestroomd_qs(programma, van, tot).count()


def herinstroom(programma, van, tot) -> int:
    """Ingestroomd trajecten whose participant had an earlier traject that itself ingestroomd."""
    eerder_ingestroomd = Traject.objects.filter(
        deelnemer=OuterRef("deelnemer"),
        aanmelddatum__lt=OuterRef("aanmelddatum"),
    ).filter(Exists(FaseOvergang.objects.filter(traject=OuterRef("pk"), fase__in=INSTROOM_FASEN)))
    return ingestroomd_qs(programma, van, tot).filter(Exists(eerder_ingestroomd)).count()


def actief_in_periode(programma, van, tot) -> int:
    return actief_qs(programma, van, tot).count()


def in_traject_op_einddatum(programma, van, tot) -> int:
    return met_instroomdatum(trajecten_van(programma)).filter(instroomdatum__lte=tot).filter(open_op(tot)).count()


def per_fase_op_einddatum(programma, van, tot) -> dict:
    rijen = (
        trajecten_van(programma).filter(open_op(tot))
        .annotate(code=fase_op(tot)).values("code").annotate(n=Count("pk")).order_by()
    )
    return telling(Fase.values, rijen)
